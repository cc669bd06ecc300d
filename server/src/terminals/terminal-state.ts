import type { Profile, TerminalResult, TerminalState } from '@hall/shared';
import type { Hall } from '../hall';

/**
 * What the terminal at `seat` may show (shared/src/terminal/events.ts): the hall's mode, this
 * seat's check-in, the open vote's options and whether THIS seat is registered (never what it
 * chose), and the latest announced result, which is public.
 */
export function terminalState(hall: Hall, seat: string): TerminalState {
  const occupant = hall.roster.bySeatId(seat) ?? null;
  const mode = hall.votes.currentMode().mode;
  const latest = hall.votes.latestId();
  let vote: TerminalState['vote'] = null;
  const open = hall.votes.current;
  if (open) {
    vote = {
      voteId: open.voteId,
      title: open.title,
      state: 'open',
      options: open.profile.optionSet.options,
      registered: open.pressed.has(seat),
    };
  } else if (latest !== null) {
    const { row } = hall.votes.statusOf(latest);
    vote = { voteId: latest, title: row.title, state: row.state, options: [], registered: false };
  }
  return {
    seat,
    occupant: occupant?.name ?? null,
    mayVote: occupant?.role === 'member',
    mode,
    checkedIn: occupant ? hall.attendance.isPresent(occupant.memberId) : false,
    vote,
    result: latestResult(hall),
  };
}

function latestResult(hall: Hall): TerminalResult | null {
  const r = hall.votes.latestAnnounced();
  if (!r) return null;
  let profile: Profile | undefined;
  try {
    profile = hall.votes.profileFor(r.profile);
  } catch {
    profile = undefined;
  }
  const outcome = profile?.outcomes.find((o) => o.id === r.outcome)?.label ?? {
    zh: r.outcome,
    en: r.outcome,
  };
  const options =
    profile?.optionSet.options ??
    Object.keys(r.counts).map((key) => ({ key, label: { zh: key, en: key } }));
  return {
    voteId: r.voteId,
    title: r.title,
    outcome,
    members: r.members,
    present: r.present,
    counts: options.map((o) => ({ label: o.label, value: r.counts[o.key] ?? 0 })),
    invalid: r.invalid,
    notVoted: r.notVoted,
  };
}
