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

/** The link of a correction to the record it corrects, with the reason given (Chinese). */
export interface CorrectionLink extends RecordLink {
  reason: string;
}

/** What the secretariat submits to correct a sealed record's figures (re-tallied by the server). */
export interface CorrectionInput {
  members: number;
  present: number;
  counts: Record<string, number>;
  invalid: number;
  reason: string;
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
}

/** 纵向: one organ over time; the list of organs is 横向. */
export interface OrganHistory {
  organ: string;
  entries: HistoryEntry[];
  /** Outcome id → how many times, over the filtered entries. */
  outcomes: Record<string, number>;
}
