import {
  correctionNote,
  shortHash,
  type AttendancePayload,
  type HardwarePayload,
  type ResultCorrection,
  type ResultPayload,
  type Role,
  type SealedRecord,
  type VotePayload,
} from '@hall/shared';
import { canonicalHash } from '../records/canonical';
import { correctionOf } from '../records/current';
import { quorumRule } from '../attendance/quorum';
import type { Hall } from '../hall';
import type { ResultJson } from '../votes/result-document';

/** 应到 / 实到 / observers / quorum: the same for every role. */
export function attendancePayload(hall: Hall): AttendancePayload {
  const a = hall.attendance.summary();
  return { ...a, quorumRule: quorumRule(hall.config.quorum) };
}

/** The latest vote: state and how many pressed, never the split while open. */
export function votePayload(hall: Hall): VotePayload {
  const id = hall.votes.latestId();
  if (id === null) {
    return {
      voteId: null,
      title: null,
      state: null,
      present: hall.attendance.summary().present,
      pressed: 0,
      openedAt: null,
      closesAt: null,
    };
  }
  const { row, pressed } = hall.votes.statusOf(id);
  const present =
    row.state === 'open' ? hall.attendance.summary().present : (row.present_at_close ?? 0);
  return {
    voteId: id,
    title: row.title,
    state: row.state,
    present,
    pressed,
    openedAt: row.opened_at,
    closesAt: row.closes_at,
  };
}

/** The figures every screen shows; the profile named by its id. */
type Figures = Omit<
  ResultPayload,
  'profile' | 'announcedAt' | 'record' | 'correction' | 'chainHead'
>;

function payload(
  r: Figures,
  profile: string,
  announcedAt: string | null,
  marks: Pick<ResultPayload, 'record' | 'correction' | 'chainHead'>,
): ResultPayload {
  return {
    voteId: r.voteId,
    title: r.title,
    profile,
    outcome: r.outcome,
    members: r.members,
    present: r.present,
    valid: r.valid,
    invalid: r.invalid,
    notVoted: r.notVoted,
    counts: r.counts,
    openedAt: r.openedAt,
    closedAt: r.closedAt,
    announcedAt,
    ...marks,
  };
}

/** A closed, not yet announced result (chair and secretariat only). */
const toPayload = (hall: Hall, r: ResultJson) =>
  payload(r, r.profile, r.announcedAt ?? null, {
    record: null,
    correction: null,
    chainHead: hall.records.chainHead(),
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
const recordPayload = (hall: Hall, r: SealedRecord) =>
  payload(r, r.profile.id, r.announcedAt, {
    record: { seq: r.seq, hash: shortHash(canonicalHash(r)) },
    correction: r.corrects ? resultCorrection(r, hall.records.all()) : null,
    chainHead: hall.records.chainHead(),
  });

/**
 * The result a role may see: the chair and secretariat get the latest vote's result once it is
 * closed; the public display and the technician only once it is announced (DOMAIN.md step 6).
 */
export function resultPayload(hall: Hall, role: Role): ResultPayload | null {
  if (role === 'chair' || role === 'secretariat') {
    const id = hall.votes.latestId();
    if (id === null) return null;
    const { row } = hall.votes.statusOf(id);
    if (row.state === 'announced') return recordPayload(hall, hall.records.forVote(id));
    return row.state === 'open' ? null : toPayload(hall, hall.votes.result(id));
  }
  const id = hall.votes.latestAnnouncedId();
  return id === null ? null : recordPayload(hall, hall.records.forVote(id));
}

export function hardwarePayload(hall: Hall, role: Role): HardwarePayload {
  return hall.hardware.health(role === 'technician');
}

/** The public hall display (GET /api/display and the /display namespace). */
export function displayState(hall: Hall) {
  return {
    hall: hall.config.hall,
    attendance: attendancePayload(hall),
    vote: votePayload(hall),
    result: resultPayload(hall, 'display'),
    chainHead: hall.records.chainHead(),
  };
}
