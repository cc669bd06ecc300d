/**
 * Beijing time (北京时间) for everything shown to people and for calendar deadlines.
 *
 * Stored and signed values stay ISO 8601 UTC with milliseconds (`2026-11-26T09:30:00.000Z`,
 * CONTRACT.md §5); this module only says which Beijing calendar day, year or wall-clock time an
 * instant falls on, and which instant ends a Beijing calendar day.
 *
 * Why a fixed +8 h offset and integer arithmetic, not `Intl`/`toLocale*`/`getHours`:
 * - Asia/Shanghai has been UTC+8 all year since 1991 (China ended daylight saving time after
 *   the summer of 1991), so for every instant this system records the offset is exactly +8 h;
 * - `getFullYear`/`getHours`/`toLocaleString` use the machine's time zone (a hall server set to
 *   UTC puts an evaluation announced at 01:00 Beijing time on 31 December into the wrong day and
 *   year), and `Intl.DateTimeFormat({timeZone})` depends on the ICU data Node or the browser was
 *   built with (a small-icu build or a stale tzdata gives another answer or throws);
 * - so the Beijing wall clock is UTC + 8 h, and the calendar is computed from the day number
 *   with the proleptic Gregorian algorithm (H. Hinnant, "chrono-compatible low-level date
 *   algorithms"), in integers, the same on every machine. Instants before 1991 are shown on the
 *   same +8 h clock (historic DST is not reproduced; no record of this system is that old).
 *
 * Pure: no I/O, no clock, no environment.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** UTC+8, all year. */
export const BEIJING_OFFSET_MS = 8 * HOUR_MS;

/** A day of the Beijing calendar; `month` 1–12, `day` 1–31. */
export interface BeijingDate {
  year: number;
  month: number;
  day: number;
}

/** A Beijing wall-clock moment: the calendar day plus the time of day. */
export interface BeijingDateTime extends BeijingDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** An instant: an ISO 8601 string with `Z` or an explicit offset, a Date, or epoch milliseconds. */
export type Instant = string | Date | number;

/** Date, time and a mandatory zone: a string without one would be read in the machine's zone. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch milliseconds of an instant; a string without a zone, or anything invalid, throws. */
export function instantMs(at: Instant): number {
  let ms: number;
  if (typeof at === 'number') ms = at;
  else if (at instanceof Date) ms = at.getTime();
  else {
    if (!ISO_INSTANT.test(at)) {
      throw new RangeError(
        `不是带时区的 ISO 8601 时间 / not an ISO 8601 instant with a zone: ${at}`,
      );
    }
    ms = Date.parse(at);
  }
  if (!Number.isFinite(ms)) throw new RangeError(`无效的时间 / invalid time: ${String(at)}`);
  return ms;
}

/** Floor division for integers (`Math.floor(a / b)` is exact for the magnitudes used here). */
const div = (a: number, b: number) => Math.floor(a / b);

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
export function daysFromCivil({ year, month, day }: BeijingDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = div(y, 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0 … February = 11
  const doy = div(153 * mp + 2, 5) + day - 1;
  const doe = yoe * 365 + div(yoe, 4) - div(yoe, 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The proleptic Gregorian date of a day number since 1970-01-01 (Hinnant's civil_from_days). */
export function civilFromDays(days: number): BeijingDate {
  const z = days + 719_468;
  const era = div(z, 146_097);
  const doe = z - era * 146_097;
  const yoe = div(doe - div(doe, 1460) + div(doe, 36_524) - div(doe, 146_096), 365);
  const doy = doe - (365 * yoe + div(yoe, 4) - div(yoe, 100));
  const mp = div(5 * doy + 2, 153);
  const day = doy - div(153 * mp + 2, 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** How many days `month` (1–12) of `year` has. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** The Beijing wall clock at an instant. */
export function beijingDateTime(at: Instant): BeijingDateTime {
  const local = instantMs(at) + BEIJING_OFFSET_MS;
  const days = div(local, DAY_MS);
  let rest = local - days * DAY_MS;
  const hour = div(rest, HOUR_MS);
  rest -= hour * HOUR_MS;
  const minute = div(rest, 60_000);
  rest -= minute * 60_000;
  const second = div(rest, 1000);
  return { ...civilFromDays(days), hour, minute, second, millisecond: rest - second * 1000 };
}

/** The Beijing calendar day an instant falls on. */
export function beijingDate(at: Instant): BeijingDate {
  const { year, month, day } = beijingDateTime(at);
  return { year, month, day };
}

/** The Beijing calendar year an instant falls in (history years, yearly figures). */
export function beijingYear(at: Instant): number {
  return beijingDateTime(at).year;
}

export type BeijingStyle = 'date' | 'minute' | 'datetime' | 'time' | 'zh-date';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * An instant in Beijing time, for people:
 * `date` 2026-12-02 · `minute` 2026-12-02 08:30 · `datetime` 2026-12-02 08:30:00 ·
 * `time` 08:30 · `zh-date` 2026年12月2日.
 */
export function formatBeijing(at: Instant, style: BeijingStyle = 'minute'): string {
  const t = beijingDateTime(at);
  const date = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
  const hm = `${pad(t.hour)}:${pad(t.minute)}`;
  switch (style) {
    case 'date':
      return date;
    case 'minute':
      return `${date} ${hm}`;
    case 'datetime':
      return `${date} ${hm}:${pad(t.second)}`;
    case 'time':
      return hm;
    case 'zh-date':
      return `${t.year}年${t.month}月${t.day}日`;
  }
}

/** A Beijing calendar day as `YYYY-MM-DD`. */
export function formatBeijingDate(d: BeijingDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/**
 * The day `n` calendar months after `date` (n may be negative): the same day of the month, or
 * the month's last day when the target month is shorter (8月31日 + 6 个月 = 2月28日, or 2月29日
 * in a leap year; 1月31日 + 1 = 2月28/29日; 3月31日 + 1 = 4月30日). This is the rule of
 * 民法典 第二百零二条: "按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为
 * 期间的最后一日" (also Java's plusMonths and a spreadsheet's EDATE). Clamping does not carry
 * over: adding 6 and then 6 months may end before adding 12 (Aug 31 → Feb 28 → Aug 28).
 */
export function addBeijingMonths(date: BeijingDate, n: number): BeijingDate {
  if (!Number.isInteger(n)) throw new RangeError(`月数须为整数 / months must be an integer: ${n}`);
  const index = date.year * 12 + (date.month - 1) + n;
  const year = div(index, 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** The first instant (00:00:00.000 Beijing time) of a Beijing day, as ISO 8601 UTC. */
export function beijingDayStart(d: BeijingDate): string {
  return new Date(daysFromCivil(d) * DAY_MS - BEIJING_OFFSET_MS).toISOString();
}

/** The last instant (23:59:59.999 Beijing time, i.e. until 24:00) of a Beijing day, ISO 8601 UTC. */
export function beijingDayEnd(d: BeijingDate): string {
  return new Date((daysFromCivil(d) + 1) * DAY_MS - BEIJING_OFFSET_MS - 1).toISOString();
}

/**
 * When a deadline of `months` months from `at` runs out, as ISO 8601 UTC: the end (24:00 Beijing
 * time, 民法典 第二百零三条) of the corresponding Beijing day `months` months after the Beijing day of
 * `at` (第二百零一条: the day it starts is not counted; 第二百零二条: the corresponding day, or the
 * month's last). A last day that is a public holiday is not moved here: the system does not know
 * the holiday calendar, so the secretariat keeps that in mind.
 */
export function beijingDeadlineAfterMonths(at: Instant, months: number): string {
  return beijingDayEnd(addBeijingMonths(beijingDate(at), months));
}
