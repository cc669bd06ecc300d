import type { TerminalResult, TerminalState } from '@hall/shared';
import type { Hall } from '../hall';
import type { TerminalHallView } from './terminal-service';

/**
 * What the terminal at a seat may show (shared/src/terminal/events.ts): the hall's mode, this
 * seat's check-in, the open vote's options and whether THIS seat is registered (never what it
 * chose), and the latest announced result, which is public. The hall-wide part is read once;
 * the returned function adds each seat's own part, so a push to many terminals reads the
 * database and re-tallies the announced result once, not once per seat. A pending terminal
 * (not yet confirmed by the chair, issue 10) is told only that it waits, and who sits there.
 */
export function terminalStates(
  hall: Hall,
): (seat: string, pairing?: TerminalState['pairing']) => TerminalState {
  const mode = hall.votes.currentMode().mode;
  const open = hall.votes.current;
  const closed = open ? null : hall.votes.latestRow();
  const result = latestResult(hall);
  return (seat, pairing = 'confirmed') => {
    const occupant = hall.roster.bySeatId(seat) ?? null;
    const checkedIn = occupant ? hall.attendance.isPresent(occupant.memberId) : false;
    if (pairing === 'pending') {
      return {
        seat,
        pairing,
        occupant: occupant?.name ?? null,
        mayVote: false,
        mode,
        checkedIn,
        vote: null,
        result: null,
      };
    }
    let vote: TerminalState['vote'] = null;
    if (open) {
      vote = {
        voteId: open.voteId,
        title: open.title,
        state: 'open',
        method: open.method,
        // A paper or hands vote takes no terminal ballot: no options to offer (issue 14).
        options: open.method === 'keypads' ? open.profile.optionSet.options : [],
        registered: open.pressed.has(seat),
      };
    } else if (closed) {
      vote = {
        voteId: closed.vote_id,
        title: closed.title,
        state: closed.state,
        method: closed.method,
        options: [],
        registered: false,
      };
    }
    return {
      seat,
      pairing,
      occupant: occupant?.name ?? null,
      mayVote: occupant?.role === 'member',
      mode,
      checkedIn,
      vote,
      result,
    };
  };
}

/** The latest announced result, from its sealed record and the profile recorded in it. */
function latestResult(hall: Hall): TerminalResult | null {
  const id = hall.votes.latestAnnouncedId();
  if (id === null) return null;
  const r = hall.records.forVote(id);
  return {
    voteId: r.voteId,
    title: r.title,
    outcome: r.profile.outcomes.find((o) => o.id === r.outcome)?.label ?? {
      zh: r.outcome,
      en: r.outcome,
    },
    members: r.members,
    present: r.present,
    counts: r.profile.optionSet.options.map((o) => ({
      label: o.label,
      value: r.counts[o.key] ?? 0,
    })),
    invalid: r.invalid,
    notVoted: r.notVoted,
  };
}

/** The terminal service's view of the hall: seats, the open vote, the sitting, who is present. */
export function terminalHallView(hall: Hall): TerminalHallView {
  return {
    seats: () => hall.config.seats,
    voteOpen: () => hall.votes.current !== null,
    sessionId: () => hall.sessions.currentId(),
    occupant: (seat) => {
      const e = hall.roster.bySeatId(seat);
      return e ? { memberId: e.memberId, name: e.name, role: e.role } : null;
    },
    isPresent: (memberId) => hall.attendance.isPresent(memberId),
  };
}
