import type { Text } from '../i18n';

/**
 * The seat terminal's view of the hall (a touch screen at a seat, paired to that seat). It is
 * pushed on the `/terminal` socket namespace to one paired terminal only. It says whether this
 * seat's ballot is registered, never which option it was.
 */
export const TERMINAL_NAMESPACE = '/terminal';
export const TERMINAL_STATE_EVENT = 'terminal-state';

export interface TerminalOption {
  key: string;
  label: Text;
  seatKey: number;
}

export interface TerminalVote {
  voteId: number;
  title: string;
  state: 'open' | 'closed' | 'announced';
  options: TerminalOption[];
  /** This seat's ballot is stored for this vote (keypad or terminal: one ballot a seat). */
  registered: boolean;
}

export interface TerminalResult {
  voteId: number;
  title: string;
  outcome: Text;
  members: number;
  present: number;
  counts: { label: Text; value: number }[];
  invalid: number;
  notVoted: number;
}

export interface TerminalState {
  seat: string;
  /** The seat's occupant as the roster names them; null for an empty seat. */
  occupant: string | null;
  /** Whether the occupant may vote (a member, not an observer). */
  mayVote: boolean;
  mode: 'idle' | 'checkin' | 'open' | 'closed';
  checkedIn: boolean;
  vote: TerminalVote | null;
  /** The latest announced result (public). */
  result: TerminalResult | null;
}

/** Why a press was not accepted, for the screen. */
export const PRESS_REASONS = {
  'not-open': { zh: '当前没有进行中的测评', en: 'No evaluation is open' },
  'not-a-member': {
    zh: '本席位不能参加测评（列席或空席）',
    en: 'This seat may not vote (observer or empty seat)',
  },
  'stale-tag': { zh: '测评已变更，请重新选择', en: 'The evaluation changed; choose again' },
  'no-such-option': {
    zh: '该按键不是本次测评的选项',
    en: 'That key is not an option of this evaluation',
  },
  'already-registered': {
    zh: '本席位已登记，不能更改',
    en: 'This seat is already registered and cannot change',
  },
} as const satisfies Record<string, Text>;
export type PressReason = keyof typeof PRESS_REASONS;

export interface TerminalPressReply {
  lamp: 'registered' | 'not-accepted' | 'off';
  reason: PressReason | null;
}

export interface TerminalPairReply {
  seat: string;
  credential: string;
}
