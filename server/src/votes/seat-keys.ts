import { parseSeatId, type Profile } from '@hall/shared';
import { refuse, type ServiceError } from '../errors';
import type { SeatKeyCount } from './vote-ports';

/**
 * The keys a seat whose unit has not said how many it has is taken to have: the fewest a seat
 * unit has (SEAT-PROTOCOLS.md §1: wired units have "3 or 5 keys"; UNIT_INFO low byte, `$HELLO`).
 */
export const UNKNOWN_SEAT_KEYS = 3;

/** How many ranges of seats a refusal lists before "等 N 个座位" (and N more). */
const LISTED_RANGES = 10;

/** Seats in hall order (bus, then address as a number), consecutive addresses joined: A-1…A-40. */
export function seatRanges(seats: readonly string[]): string[] {
  const sorted = [...new Set(seats)]
    .map((s) => ({ seat: s, ...parseSeatId(s) }))
    .sort((a, b) => (a.bus === b.bus ? a.address - b.address : a.bus < b.bus ? -1 : 1));
  const ranges: { from: string; to: string; bus: string; last: number }[] = [];
  for (const s of sorted) {
    const r = ranges.at(-1);
    if (r && r.bus === s.bus && r.last + 1 === s.address) {
      r.to = s.seat;
      r.last = s.address;
    } else {
      ranges.push({ from: s.seat, to: s.seat, bus: s.bus, last: s.address });
    }
  }
  return ranges.map((r) => (r.from === r.to ? r.from : `${r.from}…${r.to}`));
}

/** `A-1…A-40、W-3` (up to LISTED_RANGES ranges), in Chinese and in English. */
function seatList(seats: readonly string[]): { zh: string; en: string } {
  const ranges = seatRanges(seats);
  const shown = ranges.slice(0, LISTED_RANGES);
  const more = ranges.length > LISTED_RANGES;
  return {
    zh: `${shown.join('、')}${more ? ` 等 ${seats.length} 个座位` : `（共 ${seats.length} 个座位）`}`,
    en: `${shown.join(', ')}${more ? ` and more, ${seats.length} seats in all` : ` (${seats.length} seats)`}`,
  };
}

/**
 * Issue 14 "seat keys for any option set": a keypad vote is refused at opening when a member
 * seat has fewer keys than the profile's highest seat key (a 3-key seat can serve at most keys
 * 1-3). The refusal (409 SEATS_LACK_KEYS) names the seats; a seat whose key count is unknown
 * counts as UNKNOWN_SEAT_KEYS, and the refusal says so. Null when every seat can show the options.
 */
export function seatKeysRefusal(
  profile: Profile,
  memberSeats: readonly string[],
  keysOf: SeatKeyCount,
): ServiceError | null {
  const options = profile.optionSet.options;
  const need = Math.max(...options.map((o) => o.seatKey));
  const lacking: string[] = [];
  let unknown = 0;
  for (const seat of memberSeats) {
    const known = keysOf(seat);
    if ((known ?? UNKNOWN_SEAT_KEYS) >= need) continue;
    lacking.push(seat);
    if (known === undefined) unknown++;
  }
  if (lacking.length === 0) return null;
  const top = options.find((o) => o.seatKey === need)!;
  const list = seatList(lacking);
  const unknownNote =
    unknown > 0
      ? {
          zh: `；其中 ${unknown} 个座位的键数未知，按 ${UNKNOWN_SEAT_KEYS} 个键计`,
          en: `; ${unknown} of them did not report their key count and are counted as ${UNKNOWN_SEAT_KEYS} keys`,
        }
      : { zh: '', en: '' };
  return refuse(
    'SEATS_LACK_KEYS',
    `测评办法 ${profile.id} 需要座位的第 ${need} 个键（${top.label.zh}），以下座位的键不够：${list.zh}${unknownNote.zh}；请改用键数足够的座位或纸质/举手表决 / profile ${profile.id} needs seat key ${need} (${top.label.en}), which these seats do not have: ${list.en}${unknownNote.en}; use seats with enough keys, or paper or hands`,
  );
}
