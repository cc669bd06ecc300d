import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BEIJING_OFFSET_MS,
  addBeijingMonths,
  beijingDate,
  beijingDateTime,
  beijingDayEnd,
  beijingDayStart,
  beijingDeadlineAfterMonths,
  beijingYear,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  formatBeijing,
  formatBeijingDate,
  instantMs,
  isLeapYear,
  type BeijingDate,
} from './beijing';

/** Instants from 1991 to 2200, to the millisecond. */
const instant = fc.integer({
  min: Date.UTC(1991, 0, 1),
  max: Date.UTC(2200, 0, 1),
});

/** A valid calendar day from 1900 to 2400. */
const calendarDay = fc
  .record({
    year: fc.integer({ min: 1900, max: 2400 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map((d) => ({ ...d, day: Math.min(d.day, daysInMonth(d.year, d.month)) }));

/** The reference: shift by +8 h and read the UTC fields (no machine time zone, no ICU). */
function reference(ms: number) {
  const d = new Date(ms + BEIJING_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

describe('the Beijing calendar day and year', () => {
  it('the last millisecond of 2026 UTC+8 is 15:59:59.999Z; 16:00Z is 2027-01-01', () => {
    expect(beijingDate('2026-12-31T15:59:59.999Z')).toEqual({ year: 2026, month: 12, day: 31 });
    expect(beijingYear('2026-12-31T15:59:59.999Z')).toBe(2026);
    expect(beijingDate('2026-12-31T16:00:00.000Z')).toEqual({ year: 2027, month: 1, day: 1 });
    expect(beijingYear('2026-12-31T16:00:00.000Z')).toBe(2027);
    expect(formatBeijing('2026-12-31T15:59:59.999Z', 'datetime')).toBe('2026-12-31 23:59:59');
    expect(formatBeijing('2026-12-31T16:00:00.000Z', 'datetime')).toBe('2027-01-01 00:00:00');
  });

  it('a record announced 2026-12-31T17:00Z belongs to 2027', () => {
    expect(beijingYear('2026-12-31T17:00:00.000Z')).toBe(2027);
    expect(formatBeijing('2026-12-31T17:00:00.000Z', 'minute')).toBe('2027-01-01 01:00');
  });

  it('the day changes at 16:00Z, not at midnight UTC', () => {
    expect(beijingDate('2026-12-01T23:59:59.999Z')).toEqual({ year: 2026, month: 12, day: 2 });
    expect(beijingDate('2026-12-01T15:59:59.999Z')).toEqual({ year: 2026, month: 12, day: 1 });
    expect(beijingDate('2026-12-01T16:00:00.000Z')).toEqual({ year: 2026, month: 12, day: 2 });
  });

  it('leap days', () => {
    expect(beijingDate('2028-02-28T16:00:00.000Z')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(beijingDate('2027-02-28T16:00:00.000Z')).toEqual({ year: 2027, month: 3, day: 1 });
    expect(beijingDate('2000-02-28T16:00:00.000Z')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(beijingDate('2100-02-28T16:00:00.000Z')).toEqual({ year: 2100, month: 3, day: 1 });
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2026)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('accepts an ISO string with an offset, a Date and epoch milliseconds alike', () => {
    const ms = Date.UTC(2026, 11, 2, 0, 30);
    expect(formatBeijing('2026-12-02T08:30:00+08:00')).toBe('2026-12-02 08:30');
    expect(formatBeijing(new Date(ms))).toBe('2026-12-02 08:30');
    expect(formatBeijing(ms)).toBe('2026-12-02 08:30');
    expect(formatBeijing('2026-12-02T00:30Z')).toBe('2026-12-02 08:30');
  });

  it('refuses a string without a zone (it would be read in the machine zone) and invalid times', () => {
    expect(() => beijingDate('2026-12-02T08:30:00')).toThrow(RangeError);
    expect(() => beijingDate('2026-12-02')).toThrow(RangeError);
    expect(() => beijingDate('yesterday')).toThrow(RangeError);
    expect(() => beijingDate('2026-13-02T08:30:00Z')).toThrow(RangeError);
    expect(() => beijingDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => instantMs(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('formatBeijing', () => {
  const at = '2026-12-02T00:30:05.123Z';
  it.each([
    ['date', '2026-12-02'],
    ['minute', '2026-12-02 08:30'],
    ['datetime', '2026-12-02 08:30:05'],
    ['time', '08:30'],
    ['zh-date', '2026年12月2日'],
  ] as const)('%s → %s', (style, shown) => {
    expect(formatBeijing(at, style)).toBe(shown);
  });

  it('defaults to minutes, and pads', () => {
    expect(formatBeijing('2027-01-01T01:02:03.000Z')).toBe('2027-01-01 09:02');
    expect(formatBeijingDate({ year: 2027, month: 3, day: 4 })).toBe('2027-03-04');
  });

  it('does not depend on the machine time zone or ICU', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const r = reference(ms);
        const p = (n: number) => String(n).padStart(2, '0');
        expect(formatBeijing(ms, 'datetime')).toBe(
          `${r.year}-${p(r.month)}-${p(r.day)} ${p(r.hour)}:${p(r.minute)}:${p(r.second)}`,
        );
      }),
    );
  });
});

describe('properties of the calendar arithmetic', () => {
  it('the wall clock is UTC + 8 h for every instant (against Date.UTC fields)', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        expect(beijingDateTime(ms)).toEqual(reference(ms));
      }),
    );
  });

  it('day numbers and dates round-trip and agree with Date.UTC', () => {
    fc.assert(
      // From the year 327 on: Date.UTC reads the years 0–99 as 1900–1999.
      fc.property(fc.integer({ min: -600_000, max: 1_000_000 }), (days) => {
        const d = civilFromDays(days);
        expect(daysFromCivil(d)).toBe(days);
        expect(Date.UTC(d.year, d.month - 1, d.day)).toBe(days * 86_400_000);
      }),
    );
    expect(civilFromDays(0)).toEqual({ year: 1970, month: 1, day: 1 });
  });

  it('a Beijing day runs from its start to its end, 24 h, and every instant in it has that date', () => {
    fc.assert(
      fc.property(calendarDay, fc.integer({ min: 0, max: 86_399_999 }), (d, offset) => {
        const start = Date.parse(beijingDayStart(d));
        const end = Date.parse(beijingDayEnd(d));
        expect(end - start).toBe(86_399_999);
        expect(beijingDate(start + offset)).toEqual(d);
        expect(beijingDate(start - 1)).not.toEqual(d);
        expect(beijingDate(end + 1)).not.toEqual(d);
      }),
    );
    expect(beijingDayStart({ year: 2027, month: 1, day: 1 })).toBe('2026-12-31T16:00:00.000Z');
    expect(beijingDayEnd({ year: 2026, month: 12, day: 31 })).toBe('2026-12-31T15:59:59.999Z');
  });

  it('the year of an instant is the year of its date', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        expect(beijingYear(ms)).toBe(beijingDate(ms).year);
      }),
    );
  });
});

describe('addBeijingMonths: the corresponding day, or the last day of a shorter month', () => {
  const d = (year: number, month: number, day: number): BeijingDate => ({ year, month, day });

  it.each([
    [d(2026, 8, 31), 6, d(2027, 2, 28)],
    [d(2027, 8, 31), 6, d(2028, 2, 29)],
    [d(2026, 8, 30), 6, d(2027, 2, 28)],
    [d(2026, 8, 28), 6, d(2027, 2, 28)],
    [d(2026, 1, 31), 1, d(2026, 2, 28)],
    [d(2028, 1, 31), 1, d(2028, 2, 29)],
    [d(2026, 3, 31), 1, d(2026, 4, 30)],
    [d(2026, 12, 2), 6, d(2027, 6, 2)],
    [d(2026, 7, 15), 6, d(2027, 1, 15)],
    [d(2026, 1, 15), 12, d(2027, 1, 15)],
    [d(2028, 2, 29), 12, d(2029, 2, 28)],
    [d(2028, 2, 29), 48, d(2032, 2, 29)],
    [d(2026, 12, 31), 0, d(2026, 12, 31)],
    [d(2027, 3, 31), -1, d(2027, 2, 28)],
    [d(2027, 1, 15), -13, d(2025, 12, 15)],
  ])('%o + %i months = %o', (from, n, to) => {
    expect(addBeijingMonths(from, n)).toEqual(to);
  });

  it('refuses a fractional number of months', () => {
    expect(() => addBeijingMonths(d(2026, 1, 1), 0.5)).toThrow(RangeError);
  });

  it('lands in the right month, on a valid day, never later than the same day', () => {
    fc.assert(
      fc.property(calendarDay, fc.integer({ min: -120, max: 120 }), (from, n) => {
        const to = addBeijingMonths(from, n);
        expect(to.year * 12 + to.month - (from.year * 12 + from.month)).toBe(n);
        expect(to.day).toBeGreaterThanOrEqual(1);
        expect(to.day).toBeLessThanOrEqual(daysInMonth(to.year, to.month));
        expect(to.day).toBe(Math.min(from.day, daysInMonth(to.year, to.month)));
      }),
    );
  });

  it('is the same day exactly when that day exists, and undone by the inverse then', () => {
    fc.assert(
      fc.property(calendarDay, fc.integer({ min: -120, max: 120 }), (from, n) => {
        fc.pre(from.day <= 28);
        const to = addBeijingMonths(from, n);
        expect(to.day).toBe(from.day);
        expect(addBeijingMonths(to, -n)).toEqual(from);
      }),
    );
  });

  it('is monotonic: a later day never gets an earlier deadline', () => {
    fc.assert(
      fc.property(calendarDay, calendarDay, fc.integer({ min: 0, max: 60 }), (a, b, n) => {
        const [x, y] = daysFromCivil(a) <= daysFromCivil(b) ? [a, b] : [b, a];
        expect(daysFromCivil(addBeijingMonths(x, n))).toBeLessThanOrEqual(
          daysFromCivil(addBeijingMonths(y, n)),
        );
      }),
    );
  });
});

describe('beijingDeadlineAfterMonths', () => {
  it('ends at 24:00 Beijing time on the corresponding day', () => {
    // 2026-08-31 10:00 Beijing time + 6 months: until the end of 2027-02-28, Beijing time.
    expect(beijingDeadlineAfterMonths('2026-08-31T02:00:00.000Z', 6)).toBe(
      '2027-02-28T15:59:59.999Z',
    );
    expect(beijingDeadlineAfterMonths('2027-08-31T02:00:00.000Z', 6)).toBe(
      '2028-02-29T15:59:59.999Z',
    );
  });

  it('counts from the Beijing day, not the UTC day', () => {
    // 2026-05-14T17:00Z is 2026-05-15 01:00 in Beijing: due 2026-11-15 (the UTC day would give
    // 11-14); 2026-12-31T17:00Z (2027-01-01 in Beijing) is due 2027-07-01, not 2027-06-30.
    expect(beijingDeadlineAfterMonths('2026-05-14T17:00:00.000Z', 6)).toBe(
      '2026-11-15T15:59:59.999Z',
    );
    expect(beijingDeadlineAfterMonths('2026-12-31T17:00:00.000Z', 6)).toBe(
      '2027-07-01T15:59:59.999Z',
    );
    expect(beijingDeadlineAfterMonths('2026-12-31T15:00:00.000Z', 6)).toBe(
      '2027-06-30T15:59:59.999Z',
    );
    expect(formatBeijing(beijingDeadlineAfterMonths('2026-12-31T17:00:00.000Z', 6), 'date')).toBe(
      '2027-07-01',
    );
  });

  it('the deadline is shown on its own Beijing day, and ends it', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), (ms, n) => {
        const due = beijingDeadlineAfterMonths(ms, n);
        expect(beijingDate(due)).toEqual(addBeijingMonths(beijingDate(ms), n));
        expect(beijingDate(Date.parse(due) + 1)).not.toEqual(beijingDate(due));
        expect(Date.parse(due)).toBeGreaterThan(ms);
      }),
    );
  });
});
