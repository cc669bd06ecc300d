import type { Static } from '@sinclair/typebox';
import type {
  TerminalEndReasonSchema,
  TerminalPairReplySchema,
  VoteMethod,
} from '../api/reply-schemas';
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
  state: 'open' | 'closed' | 'announced' | 'abandoned';
  /**
   * Issue 14: how the ballots are taken. A `paper` or `hands` vote is counted by people: the
   * terminal offers no options and says how to vote (the server refuses a terminal ballot).
   */
  method: VoteMethod;
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

/**
 * A terminal's pairing (issue 10): `pending` after the code is redeemed, until the chair confirms
 * it on the chair console; only a `confirmed` terminal presses. An ended one is refused outright.
 */
export type TerminalPairingState = 'pending' | 'confirmed' | 'ended';

/** Why a terminal stopped. */
export type TerminalEndReason = Static<typeof TerminalEndReasonSchema>;

export interface TerminalState {
  seat: string;
  /** This terminal's pairing: pending (waiting for the chair's confirmation) or confirmed. */
  pairing: 'pending' | 'confirmed';
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
  'not-confirmed': {
    zh: '本终端尚待主持人确认，不能按键',
    en: 'This terminal is waiting for the chair’s confirmation',
  },
  'not-present': {
    zh: '本席位成员未签到，终端不能代为签到或表决，请使用席位按键或请工作人员登记',
    en: 'The member is not present: a terminal cannot check in or vote for them; use the seat keypad or ask the secretariat',
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

export type TerminalPairReply = Static<typeof TerminalPairReplySchema>;
