import { resultFields, type RecordBody, type TallyResult } from '@hall/shared';

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
  const { profile: _profile, ...fields } = resultFields(r); // the record holds the full profile
  return fields;
}
