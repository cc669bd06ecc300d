import { parseSeatId, type Role, type VotePayload } from '@hall/shared';
import type { Hall } from '../hall';
import { seriesLinkOf } from '../series/series-link';
import { nextAgendaItem } from '../sessions/next-item-store';
import type { VoteRow } from '../votes/vote-store';

/**
 * Roles of one class see the same votePayload: the chair and the secretariat also see which
 * member seats have not pressed in the open vote (`notPressed`, to call on them); the public
 * display and the technician never do. Who pressed is not secret, what they pressed is
 * (DOMAIN.md "Secrecy"); the order in which seats pressed is not shown to anyone.
 */
export const voteClass = (role: Role): 'seats' | 'count' =>
  role === 'chair' || role === 'secretariat' ? 'seats' : 'count';

/** Seats by bus, then by address as a number: A-2 before A-10 (never by press order). */
export function compareSeats(a: string, b: string): number {
  const x = parseSeatId(a);
  const y = parseSeatId(b);
  if (x.bus !== y.bus) return x.bus < y.bus ? -1 : 1;
  return x.address - y.address;
}

/** The member seats in seat order, sorted once per roster (the roster is replaced whole). */
const sortedSeats = new WeakMap<object, readonly string[]>();
function memberSeatsInOrder(hall: Hall): readonly string[] {
  const roster = hall.roster.all();
  let seats = sortedSeats.get(roster);
  if (!seats) {
    seats = hall.roster.memberSeats().sort(compareSeats);
    sortedSeats.set(roster, seats);
  }
  return seats;
}

/**
 * The member seats that have no ballot in the open vote, in seat order. Built from the set of
 * seats that pressed (which is all the server knows of who pressed: no time, no order), so the
 * list is the same whatever order the seats pressed in. At most one short string per member
 * seat; built once per push (server/src/live/coalesce.ts).
 */
export function notPressedSeats(hall: Hall): string[] | null {
  const open = hall.votes.keypadVote; // a paper or hands vote has no seat to wait for (issue 14)
  if (!open) return null;
  return memberSeatsInOrder(hall).filter((s) => !open.pressed.has(s));
}

/** The sitting's title and the next agenda item not yet evaluated (`organ：title`), for everyone. */
function sittingLine(hall: Hall): Pick<VotePayload, 'sitting' | 'nextItem'> {
  const session = hall.sessions.current();
  if (!session) return { sitting: null, nextItem: null };
  const next = nextAgendaItem(hall.db, session.sessionId);
  return { sitting: session.title, nextItem: next ? `${next.organ}：${next.title}` : null };
}

/**
 * Issue 14: how the vote's ballots are taken, and the series it is a subject of (第 3 / 34 项：
 * 张三), for every screen. Neither says anything about any ballot.
 */
function formLine(hall: Hall, row: VoteRow): Pick<VotePayload, 'method' | 'series'> {
  const link = seriesLinkOf(hall.db, row);
  return {
    method: row.method,
    series: link
      ? {
          seriesId: link.seriesId,
          title: link.title,
          index: link.index,
          count: link.count,
          subject: link.subject,
        }
      : null,
  };
}

/**
 * The latest vote as role `role` may see it: its state and how many pressed, never a split;
 * the chair and secretariat also get the seats that have not pressed while it is open.
 */
export function votePayload(hall: Hall, role: Role): VotePayload {
  const line = sittingLine(hall);
  const latest = hall.votes.latestStatus();
  if (latest === null) {
    return {
      voteId: null,
      title: null,
      state: null,
      present: hall.attendance.summary().present,
      pressed: 0,
      openedAt: null,
      closesAt: null,
      ...line,
    };
  }
  const { row, pressed } = latest;
  const present =
    row.state === 'open' ? hall.attendance.summary().present : (row.present_at_close ?? 0);
  const waiting =
    voteClass(role) === 'seats' &&
    row.state === 'open' &&
    hall.votes.current?.voteId === row.vote_id
      ? notPressedSeats(hall)
      : null;
  // A hand-counted vote's total is the secretariat's entry, not yet confirmed while it is open:
  // only the chair and secretariat see it before the result (issue 14).
  const shownPressed =
    row.method !== 'keypads' && row.state === 'open' && voteClass(role) !== 'seats' ? 0 : pressed;
  return {
    voteId: row.vote_id,
    title: row.title,
    state: row.state,
    present,
    pressed: shownPressed,
    openedAt: row.opened_at,
    closesAt: row.closes_at,
    ...formLine(hall, row),
    ...line,
    ...(waiting ? { notPressed: waiting } : {}),
  };
}
