import type { TallyResult } from './tally';

/** The figures of a decided vote, as every screen and document shows them. */
export type TallyFigures = Pick<
  TallyResult,
  'members' | 'present' | 'valid' | 'invalid' | 'notVoted' | 'counts'
>;

/** The figures of a tally result (a subset of the `tally --json` fields, in their order). */
export function tallyFigures(r: TallyFigures): TallyFigures {
  return {
    members: r.members,
    present: r.present,
    valid: r.valid,
    invalid: r.invalid,
    notVoted: r.notVoted,
    counts: r.counts,
  };
}

/**
 * The tally fields of CONTRACT.md §1 (`tally --json`), plus the explanation of how the rule
 * decided: the one place a tally result is shaped for the outside. The CLI prints them; a vote's
 * result, its document, its sealed record and the screens are made from them.
 */
export function resultFields(r: TallyResult) {
  return {
    profile: r.profile,
    outcome: r.outcome,
    ...tallyFigures(r),
    followUp: r.followUp,
    explanation: r.explanation,
  };
}
export type ResultFields = ReturnType<typeof resultFields>;
