import {
  announcementText,
  correctionNote,
  shortHash,
  tallyFigures,
  type AttendancePayload,
  type HardwarePayload,
  type ResultCorrection,
  type ResultLabels,
  type ResultPayload,
  type Role,
  type SealedRecord,
  type Profile,
  type SittingPayload,
} from '@hall/shared';
import { canonicalHash } from '../records/canonical';
import { correctionOf } from '../records/current';
import type { Hall } from '../hall';
import type { ResultJson } from '../votes/result-document';
import type { VoteMethod } from '../votes/vote-store';
import { votePayload } from './vote-state';

export { notPressedSeats, voteClass, votePayload } from './vote-state';

/** 应到 / 实到 / observers / quorum: the same for every role. */
export function attendancePayload(hall: Hall): AttendancePayload {
  const a = hall.attendance.summary();
  return { ...a, quorumRule: hall.attendance.quorumRule() };
}

/** The figures every screen shows; the profile named by its id. */
type Figures = Omit<
  ResultPayload,
  'profile' | 'announcedAt' | 'record' | 'correction' | 'chainHead' | 'labels' | 'method'
>;

/**
 * Issue 14: the words of the profile a result was decided under (the secretariat's own profiles
 * too): its options in order and its outcomes best first with `passed`, so every screen shows
 * them from the result alone. Nothing here depends on any ballot.
 */
export function resultLabels(profile: Profile): ResultLabels {
  const excluded = new Set(profile.excludeFromBase ?? []);
  return {
    options: profile.optionSet.options.map((o) => ({
      key: o.key,
      label: o.label,
      ...(excluded.has(o.key) ? { excluded: true } : {}),
    })),
    outcomes: profile.outcomes.map((o) => ({ id: o.id, label: o.label, passed: o.passed })),
  };
}

function payload(
  r: Figures,
  profile: Profile,
  announcedAt: string | null,
  marks: Pick<ResultPayload, 'record' | 'correction' | 'chainHead' | 'method'>,
): ResultPayload {
  return {
    voteId: r.voteId,
    title: r.title,
    profile: profile.id,
    outcome: r.outcome,
    ...tallyFigures(r),
    openedAt: r.openedAt,
    closedAt: r.closedAt,
    announcedAt,
    labels: resultLabels(profile),
    ...marks,
  };
}

/** A closed, not yet announced result (chair and secretariat only). */
const toPayload = (hall: Hall, r: ResultJson, profile: Profile, method: VoteMethod) =>
  payload(r, profile, r.announcedAt ?? null, {
    record: null,
    correction: null,
    chainHead: hall.records.chainHead(),
    method,
  });

/** What a corrected record shows beside its figures: what it replaces, why, who (issue 10). */
export function resultCorrection(
  r: SealedRecord,
  records: readonly SealedRecord[],
): ResultCorrection | null {
  const c = correctionOf(r, records);
  if (!c) return null;
  return {
    correctsSeq: c.seq,
    previousOutcome: c.previousOutcome?.id ?? null,
    reason: c.reason,
    proposedBy: c.proposedBy ?? null,
    confirmedBy: c.confirmedBy ?? null,
    note: correctionNote(c),
  };
}

/**
 * An announced result as every screen shows it: from the sealed record (one source), with its
 * seq and short hash, the correction it is (if it is one), and the chain's latest record.
 */
const recordPayload = (hall: Hall, r: SealedRecord): ResultPayload => ({
  ...payload(r, r.profile, r.announcedAt, {
    record: { seq: r.seq, hash: shortHash(canonicalHash(r)) },
    correction: r.corrects ? resultCorrection(r, hall.records.all()) : null,
    chainHead: hall.records.chainHead(),
    // Records sealed before issue 14 have no method: they were keypads (CONTRACT.md §5).
    method: r.method ?? 'keypads',
  }),
  // 依据: public once announced (the hall display shows how the rule decided, issue 13).
  explanation: r.explanation,
});

/**
 * The result a role may see: the chair and secretariat get the latest vote's result once it is
 * closed; the public display and the technician only once it is announced (DOMAIN.md step 6).
 */
export function resultPayload(hall: Hall, role: Role): ResultPayload | null {
  if (resultClass(role) === 'unannounced') {
    const row = hall.votes.latestRow();
    if (row === null) return null;
    const id = row.vote_id;
    // The chair's and secretariat's copy also says how it was decided, what follows, and the
    // text the chair reads out (宣读稿): from the sealed record once announced, else from the
    // result decided at close under the profile fixed at opening.
    const detailed = (
      p: ResultPayload,
      r: Pick<ResultPayload, 'explanation' | 'followUp'>,
      text: Pick<ResultPayload, 'announcementText'>,
    ) => ({ ...p, explanation: r.explanation, followUp: r.followUp, ...text });
    if (row.state === 'announced') {
      const record = hall.records.forVote(id);
      return detailed(recordPayload(hall, record), record, {
        announcementText: announcementText(record),
      });
    }
    // Open: nothing yet; abandoned (issue 14): never decided, so no result to show.
    if (row.state === 'open' || row.state === 'abandoned') return null;
    const result = hall.votes.result(id);
    const profile = JSON.parse(row.profile_json) as Profile;
    return detailed(toPayload(hall, result, profile, row.method), result, {
      announcementText: announcementText({ ...result, profile }),
    });
  }
  const id = hall.votes.latestAnnouncedId();
  return id === null ? null : recordPayload(hall, hall.records.forVote(id));
}

export function hardwarePayload(hall: Hall, role: Role): HardwarePayload {
  return hall.health(hardwareClass(role) === 'detail');
}

/**
 * Roles of one class see the same resultPayload: the chair and the secretariat see a closed
 * vote's result before it is announced, everyone else only announced ones.
 */
export const resultClass = (role: Role): 'unannounced' | 'announced' =>
  role === 'chair' || role === 'secretariat' ? 'unannounced' : 'announced';

/** Roles of one class see the same hardwarePayload: the technician sees the details. */
export const hardwareClass = (role: Role): 'detail' | 'summary' =>
  role === 'technician' ? 'detail' : 'summary';

/** The sitting with its agenda and the seat map (the consoles' `sitting` event). */
export function sittingPayload(hall: Hall): SittingPayload {
  return { session: hall.sessions.current() ?? null, seats: hall.seatViews() };
}

/** The public hall display (GET /api/display and the /display namespace). */
export function displayState(hall: Hall) {
  return {
    hall: hall.config.hall,
    attendance: attendancePayload(hall),
    vote: votePayload(hall, 'display'),
    result: resultPayload(hall, 'display'),
    chainHead: hall.records.chainHead(),
  };
}
