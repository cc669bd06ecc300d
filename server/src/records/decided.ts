import type { RecordBody, TallyResult } from '@hall/shared';

/** The part of a record that the tally decided: every figure, the outcome and why. */
export type Decided = Pick<
  RecordBody,
  | 'members'
  | 'present'
  | 'valid'
  | 'counts'
  | 'invalid'
  | 'notVoted'
  | 'outcome'
  | 'followUp'
  | 'explanation'
>;

export function decided(r: TallyResult): Decided {
  return {
    members: r.members,
    present: r.present,
    valid: r.valid,
    counts: r.counts,
    invalid: r.invalid,
    notVoted: r.notVoted,
    outcome: r.outcome,
    followUp: r.followUp,
    explanation: r.explanation,
  };
}
