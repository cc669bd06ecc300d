import type { SealedRecord } from '@hall/shared';

/** The outcome's Chinese label from the record's own profile (never from today's profiles). */
export function outcomeLabelOf(r: SealedRecord): string {
  return r.profile.outcomes.find((o) => o.id === r.outcome)?.label.zh ?? r.outcome;
}
