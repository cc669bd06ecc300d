import {
  beijingYear,
  correctionNote,
  formatShare,
  type OrganHistory,
  type SealedRecord,
} from '@hall/shared';
import { correctionOf, currentRecords } from './current';

/**
 * The history of evaluations per reporting organ (issue 7 "History"): 纵向 over time for one
 * organ, 横向 across organs in a year. Figures come from sealed records only: for each vote its
 * latest record (a correction replaces the figures), dated by the evaluation (the first record).
 * The year is the Beijing calendar year of the announcement: 2026-12-31T17:00Z is 2027.
 */
export interface HistoryFilter {
  year?: number;
  profile?: string;
}

const NO_ORGAN = '（未注明报告机关）';

export function history(
  records: readonly SealedRecord[],
  filter: HistoryFilter = {},
): OrganHistory[] {
  const byOrgan = new Map<string, OrganHistory>();
  for (const { first, latest: r } of currentRecords(records)) {
    const year = beijingYear(first.announcedAt);
    if (filter.year !== undefined && year !== filter.year) continue;
    if (filter.profile !== undefined && r.profile.id !== filter.profile) continue;
    const organ = r.organ ?? NO_ORGAN;
    const outcome = r.profile.outcomes.find((o) => o.id === r.outcome);
    const valid = Object.values(r.counts).reduce((a, b) => a + b, 0);
    const h = byOrgan.get(organ) ?? { organ, entries: [], outcomes: {} };
    h.entries.push({
      seq: r.seq,
      year,
      sessionId: r.sessionId,
      title: r.title,
      profile: r.profile.id,
      outcome: r.outcome,
      outcomeLabel: outcome?.label.zh ?? r.outcome,
      passed: outcome?.passed ?? false,
      members: r.members,
      present: r.present,
      counts: r.counts,
      satisfiedShare: formatShare(r.counts.satisfied ?? 0, valid, 2),
      announcedAt: first.announcedAt,
      correctsSeq: r.corrects?.seq ?? null,
      correctionNote: r.corrects ? correctionNote(correctionOf(r, records)!) : null,
    });
    h.outcomes[r.outcome] = (h.outcomes[r.outcome] ?? 0) + 1;
    byOrgan.set(organ, h);
  }
  // Organs in the order they first appear in the chain.
  return [...byOrgan.values()];
}

/** The (Beijing calendar) years that have evaluations, newest first, for the filter. */
export function historyYears(records: readonly SealedRecord[]): number[] {
  const years = currentRecords(records).map((c) => beijingYear(c.first.announcedAt));
  return [...new Set(years)].sort((a, b) => b - a);
}
