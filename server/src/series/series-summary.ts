import {
  formatShare,
  type Profile,
  type SealedRecord,
  type SeriesSummaryReply,
} from '@hall/shared';
import type { SeriesRow, SubjectRow, SubjectVote } from './series-store';

type Share = SeriesSummaryReply['subjects'][number]['optionShares'][number]['share'];
type Group = SeriesSummaryReply['groups'][number];

/** An exact share and its display text (DOMAIN.md: a percentage is for display only). */
export function share(count: number, of: number, decimals: number): Share {
  return { count, of, text: formatShare(count, of, decimals) };
}

/**
 * The series summary (issue 14), computed ONLY from the announced subjects' sealed records —
 * the latest record of each vote, so a confirmed correction counts — never from an open or a
 * closed-but-unannounced vote.
 *
 * - Per subject: its outcome, and each option's share of the ballots returned (valid + invalid;
 *   第二篇: 党支部满意票 42 / 收回 42 = 满意率 100%).
 * - Per profile used (id and version: a subject's profile is the one its record was sealed
 *   under), each outcome's share of the subjects decided under it (第二篇: 党员 33 人，优秀 30 =
 *   优秀率 91%，合格 3 = 合格率 9%).
 *
 * Every count is exact; `text` is rounded half up to `decimals` (第二篇 reports whole percents).
 */
export function seriesSummary(
  s: SeriesRow,
  organ: string | null,
  subjects: readonly SubjectRow[],
  votes: Map<number, SubjectVote>,
  recordOf: (voteId: number) => SealedRecord,
  decimals: number,
): SeriesSummaryReply {
  const groups = new Map<string, { profile: Profile; outcomes: Map<string, number> }>();
  const rows = subjects.map((x) => {
    const v = votes.get(x.idx);
    const record = v?.state === 'announced' ? recordOf(v.voteId) : null;
    if (!record) {
      return {
        index: x.idx,
        title: x.title,
        voteId: v?.voteId ?? null,
        recordSeq: null,
        profileId: x.profile.id,
        members: null,
        present: null,
        returned: null,
        counts: null,
        outcome: null,
        optionShares: [],
      };
    }
    const p = record.profile;
    const key = `${p.id}\u0000${p.version}`;
    const g = groups.get(key) ?? { profile: p, outcomes: new Map<string, number>() };
    g.outcomes.set(record.outcome, (g.outcomes.get(record.outcome) ?? 0) + 1);
    groups.set(key, g);
    const returned = record.valid + record.invalid;
    const label = p.outcomes.find((o) => o.id === record.outcome)?.label;
    return {
      index: x.idx,
      title: x.title,
      voteId: record.voteId,
      recordSeq: record.seq,
      profileId: p.id,
      members: record.members,
      present: record.present,
      returned,
      counts: record.counts,
      outcome: { id: record.outcome, label: label ?? { zh: record.outcome, en: record.outcome } },
      optionShares: p.optionSet.options.map((o) => ({
        option: o.key,
        label: o.label,
        share: share(record.counts[o.key] ?? 0, returned, decimals),
      })),
    };
  });
  return {
    seriesId: s.series_id,
    title: s.title,
    kind: s.kind,
    organ,
    method: s.method,
    subjects: rows,
    groups: [...groups.values()].map((g) => groupOf(g.profile, g.outcomes, decimals)),
  };
}

/** Each outcome of a profile (best first, as the profile lists them) over its decided subjects. */
function groupOf(profile: Profile, outcomes: Map<string, number>, decimals: number): Group {
  let decided = 0;
  for (const n of outcomes.values()) decided += n;
  return {
    profileId: profile.id,
    profileVersion: profile.version,
    profileName: profile.name,
    decided,
    outcomes: profile.outcomes.map((o) => ({
      id: o.id,
      label: o.label,
      share: share(outcomes.get(o.id) ?? 0, decided, decimals),
    })),
  };
}
