import type { FollowUp, Profile, Text } from '@hall/shared';

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
  /** A correction names the record it corrects: its seq and hash. Sealed records never change. */
  corrects: RecordLink | null;
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
