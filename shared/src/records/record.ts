import type { Text } from '../i18n';
import type { Due, FollowUp, Profile } from '../profile/schema';

/**
 * A sealed record (CONTRACT.md §5): everything the result was decided under and what it was,
 * never anything that links a member or seat to a choice.
 */
export interface RecordBody {
  hall: string;
  sessionId: number;
  voteId: number;
  title: string;
  /** The reporting organ (报告机关), when the vote was opened for an agenda item. */
  organ: string | null;
  /** The full profile the result was decided under. */
  profile: Profile;
  members: number;
  present: number;
  valid: number;
  counts: Record<string, number>;
  invalid: number;
  notVoted: number;
  outcome: string;
  followUp: FollowUp[];
  explanation: Text;
  openedAt: string;
  closedAt: string;
  announcedAt: string;
  /**
   * A correction names the record it corrects (its seq and hash) and why. Sealed records never
   * change: a correction is a new record of the same vote, and the latest record of a vote counts.
   */
  corrects: CorrectionLink | null;
  /**
   * The evaluation of a re-made report names the record whose follow-up required it (安徽 第十七条,
   * 子洲 第八条, 深圳 第八条).
   */
  reevaluates: RecordLink | null;
}

/** A reference to a sealed record: its place in the chain and its hash. */
export interface RecordLink {
  seq: number;
  hash: string;
}

/**
 * The link of a correction to the record it corrects, with the reason given (Chinese). Records
 * sealed under the two-person rule also name who proposed the correction (a secretariat login)
 * and who confirmed it (a chair login, another person), and the outcome they replace; records
 * sealed before have only `seq`, `hash` and `reason`, and still verify.
 */
export interface CorrectionLink extends RecordLink {
  reason: string;
  /** The username that proposed the correction (secretariat). */
  proposedBy?: string;
  /** The username that confirmed it (chair): never the proposer. */
  confirmedBy?: string;
  /** The outcome of the corrected record, as decided under its profile. */
  previousOutcome?: { id: string; label: Text };
}

/**
 * What the secretariat submits to correct a sealed record (re-tallied by the server). A correction
 * fixes what a person typed, never the facts the hall stored: `members` must be the members stored
 * for the vote, `present` the present stored at close, and valid + invalid at most the seats that
 * pressed. `title`, `organ` and `profile` (another built-in profile id, decided again) are
 * optional and default to the corrected record's.
 */
export interface CorrectionInput {
  members: number;
  present: number;
  counts: Record<string, number>;
  invalid: number;
  reason: string;
  title?: string;
  organ?: string | null;
  profile?: string;
}

/** A proposed correction, waiting for (or decided by) the chair: nothing is sealed until confirmed. */
export interface CorrectionProposal {
  id: number;
  /** The record it corrects, by seq and canonical hash (it must still be its vote's latest). */
  seq: number;
  hash: string;
  voteId: number;
  title: string;
  input: CorrectionInput;
  /** The outcome the corrected record has, and the one the proposal would give. */
  previousOutcome: string;
  outcome: string;
  proposedBy: string;
  proposedAt: string;
  state: 'pending' | 'confirmed' | 'rejected';
  decidedBy: string | null;
  decidedAt: string | null;
  /** The record sealed on confirmation. */
  sealedSeq: number | null;
  rejectReason: string | null;
}

/** The latest record of the hall's chain as screens and printouts show it (a cut chain shows). */
export interface ChainHead {
  seq: number;
  /** The first 12 hex digits of its canonical SHA-256 hash. */
  hash: string;
}

/** The first 12 hex digits of a record's canonical hash, as screens and printouts show it. */
export const shortHash = (hash: string) => hash.slice(0, 12);

/**
 * The line every screen, export and printout of a correction shows, Chinese first:
 * 更正记录：更正第 3 号记录（原结果：不满意），理由：……
 */
export function correctionNote(c: CorrectionLink): Text {
  const was = c.previousOutcome;
  const people =
    c.proposedBy && c.confirmedBy
      ? {
          zh: `；提议：${c.proposedBy}，确认：${c.confirmedBy}`,
          en: `; proposed by ${c.proposedBy}, confirmed by ${c.confirmedBy}`,
        }
      : { zh: '', en: '' };
  return {
    zh: `更正记录：更正第 ${c.seq} 号记录${was ? `（原结果：${was.label.zh}）` : ''}，理由：${c.reason}${people.zh}`,
    en: `Correction: corrects record ${c.seq}${was ? ` (was: ${was.label.en})` : ''}, reason: ${c.reason}${people.en}`,
  };
}

export interface RecordSignature {
  alg: 'Ed25519';
  publicKey: string;
  value: string;
}

export interface SealedRecord extends RecordBody {
  seq: number;
  prevHash: string | null;
  signature: RecordSignature;
}

/** One follow-up a sealed result requires, and how far it has got (server/src/records/followup.ts). */
export interface FollowUpItem {
  /** `<seq>:<action>`, stable: the key the secretariat marks done by. */
  id: string;
  seq: number;
  hash: string;
  title: string;
  organ: string | null;
  action: string;
  label: Text;
  cite: string;
  due: Due | null;
  /** The due date when the profile gives one (months after the announcement), else null. */
  dueDate: string | null;
  state: 'open' | 'overdue' | 'fulfilled' | 'escalated' | 'done';
  /** The record that re-evaluated the re-made report, when there is one. */
  reevaluatedBy: number | null;
  escalation: { action: string; label: Text; cite: string } | null;
  /**
   * When the vote's record was corrected: how this obligation stands to the correction. `kept`:
   * imposed before the correction, the latest record requires it too; `corrected-away`: imposed
   * before the correction and no longer required by the latest record's outcome (it stays, marked,
   * until it is settled: a correction never erases a statutory obligation); `added`: imposed by a
   * correction only. Null when the vote has one record.
   */
  correction: {
    kind: 'kept' | 'corrected-away' | 'added';
    latestSeq: number;
    note: Text;
  } | null;
}

/** One evaluation in the history of a reporting organ. */
export interface HistoryEntry {
  seq: number;
  year: number;
  sessionId: number;
  title: string;
  profile: string;
  outcome: string;
  outcomeLabel: string;
  passed: boolean;
  members: number;
  present: number;
  counts: Record<string, number>;
  /** 满意 share of valid ballots, for display only (two decimals). */
  satisfiedShare: string;
  /** When the evaluation was announced (a correction keeps the original's date here). */
  announcedAt: string;
  /** The record this entry's record corrects, when the figures were corrected; else null. */
  correctsSeq: number | null;
  /** The correction line (更正记录：更正第 N 号记录（原结果：…），理由：…), or null. */
  correctionNote: Text | null;
}

/** 纵向: one organ over time; the list of organs is 横向. */
export interface OrganHistory {
  organ: string;
  entries: HistoryEntry[];
  /** Outcome id → how many times, over the filtered entries. */
  outcomes: Record<string, number>;
}
