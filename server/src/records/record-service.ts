import {
  shortHash,
  type ChainHead,
  type CorrectionInput,
  type CorrectionProposal,
  type FollowUpItem,
  type OrganHistory,
  type RecordBody,
  type RetakeLink,
  type SeriesLink,
  type VoteMethod,
  type VoterRoster,
  type SealedRecord,
  type TallyResult,
} from '@hall/shared';
import type { Db } from '../db/open-db';
import { notFound, refuse } from '../errors';
import { canonicalHash } from './canonical';
import { Corrections } from './corrections';
import { decided } from './decided';
import { followUps } from './followup';
import { history, historyYears, type HistoryFilter } from './history';
import { keyFingerprint, loadOrCreateKey, type HallKey } from './keys';
import { RecordStore } from './record-store';
import { sealRecord } from './seal';
import { storedVoteFacts, type VoteFactsSource } from './vote-facts-store';

/** What the vote service knows at announcement, from which the record body is made. */
export interface AnnouncedVote {
  hall: string;
  sessionId: number;
  voteId: number;
  itemId: number | null;
  title: string;
  organ: string | null;
  profile: RecordBody['profile'];
  result: TallyResult;
  openedAt: string;
  closedAt: string;
  announcedAt: string;
  /** Issue 14: how the ballots were taken, whose roster, the series, the vote it retakes. */
  method: VoteMethod;
  roster: VoterRoster;
  series?: SeriesLink;
  retakes?: RetakeLink;
}

/**
 * The hall's signed records (issue 7): sealed at announcement in the same transaction as the
 * announcement itself, chained, never changed; history and follow-up read from them.
 */
export class RecordService {
  readonly key: HallKey;
  private readonly store: RecordStore;
  private readonly corrections: Corrections;
  /** `keyDir`: HALL_KEY_DIR, where the signing key lives (keys.ts); `key` (tests) replaces it. */
  constructor(
    private readonly db: Db,
    keyDir: string,
    private readonly now: () => Date = () => new Date(),
    key?: HallKey,
    facts?: VoteFactsSource,
    /** Called after a correction is sealed, so screens show it (the Hall pushes its state). */
    private readonly changed: () => void = () => {},
  ) {
    this.key = key ?? loadOrCreateKey(keyDir);
    this.store = new RecordStore(db);
    this.corrections = new Corrections(
      db,
      this.store,
      { requireLatest: (seq) => this.requireLatest(seq), append: (body) => this.append(body) },
      // The facts the hall stored about a vote, which bound a correction (vote-facts-store.ts).
      facts ?? ((voteId) => storedVoteFacts(db, voteId)),
      now,
    );
  }

  get publicKey(): string {
    return this.key.publicKey;
  }

  get fingerprint(): string {
    return keyFingerprint(this.key.publicKey);
  }

  /**
   * Seal the record of an announced vote. Call it inside the announcing transaction: the record
   * and the announcement commit together. Sealing the same vote twice returns the first record.
   */
  seal(v: AnnouncedVote): SealedRecord {
    const existing = this.store.byVote(v.voteId);
    if (existing) return existing;
    return this.append({
      hall: v.hall,
      sessionId: v.sessionId,
      voteId: v.voteId,
      title: v.title,
      organ: v.organ,
      profile: v.profile,
      ...decided(v.result),
      openedAt: v.openedAt,
      closedAt: v.closedAt,
      announcedAt: v.announcedAt,
      corrects: null,
      reevaluates: v.itemId === null ? null : this.store.itemLink(v.itemId),
      method: v.method,
      roster: v.roster,
      ...(v.series ? { series: v.series } : {}),
      ...(v.retakes ? { retakes: v.retakes } : {}),
    });
  }

  /** Seal `body` as the next record of the chain and store it. */
  private append(body: RecordBody): SealedRecord {
    const record = sealRecord(body, this.store.last(), this.key);
    this.store.insert(record);
    return record;
  }

  all(): SealedRecord[] {
    return this.store.all();
  }

  get(seq: number): SealedRecord {
    const r = this.store.bySeq(seq);
    if (!r) throw notFound('RECORD_NOT_FOUND', `没有第 ${seq} 号记录 / no sealed record ${seq}`);
    return r;
  }

  /** The latest record of a vote (its last correction, if it has any). */
  forVote(voteId: number): SealedRecord {
    const r = this.store.byVote(voteId);
    if (!r)
      throw notFound(
        'RECORD_NOT_FOUND',
        `测评 ${voteId} 尚无签名记录（尚未公布？） / vote ${voteId} has no sealed record (not announced yet?)`,
      );
    return r;
  }

  /** The record if it is its vote's latest; a refusal naming the correction otherwise. */
  private requireLatest(seq: number): SealedRecord {
    const r = this.get(seq);
    const latest = this.store.byVote(r.voteId);
    if (latest && latest.seq !== r.seq) {
      throw refuse(
        'RECORD_CORRECTED',
        `第 ${seq} 号记录已由第 ${latest.seq} 号记录更正，请以最新记录为准 / record ${seq} is already corrected by record ${latest.seq}; use the latest record`,
      );
    }
    return r;
  }

  /**
   * The secretariat proposes a correction of record `seq` (its vote's latest): checked at once,
   * stored as a pending proposal, nothing sealed (corrections.ts).
   */
  propose(seq: number, input: CorrectionInput, by: string): CorrectionProposal {
    return this.corrections.propose(seq, input, by);
  }

  proposal(id: number): CorrectionProposal {
    return this.corrections.proposal(id);
  }

  /** Pending proposals (or all, with `all`), oldest first. */
  proposals(all = false): CorrectionProposal[] {
    return this.corrections.proposals(all);
  }

  /**
   * The chair confirms proposal `id` (another person than the proposer): checked again and
   * sealed as a new record naming both (corrections.ts); then screens are told.
   */
  confirm(id: number, by: string, byIssuedBy: string | null = null): SealedRecord {
    const sealed = this.corrections.confirm(id, by, byIssuedBy);
    this.changed();
    return sealed;
  }

  /** The chair rejects proposal `id`: nothing is sealed. */
  reject(id: number, by: string, reason?: string): CorrectionProposal {
    return this.corrections.reject(id, by, reason);
  }

  /** The latest record of the chain (seq and short hash), as screens and printouts show it. */
  chainHead(): ChainHead | null {
    const last = this.store.last();
    return last ? { seq: last.seq, hash: shortHash(canonicalHash(last)) } : null;
  }

  /** The record that corrects record `seq`, if any (its vote's next record). */
  correctedBy(seq: number): SealedRecord | null {
    return this.store.all().find((r) => r.corrects?.seq === seq) ?? null;
  }

  /**
   * Mark an agenda item as the re-made report that answers record `seq`'s follow-up. A record
   * corrected into an outcome that needs no re-evaluation keeps its obligation (followup.ts), so
   * it can still be answered; otherwise a corrected record is refused in favour of the latest.
   */
  linkReevaluation(itemId: number, seq: number): void {
    const r = this.get(seq);
    const latest = this.store.byVote(r.voteId)!;
    const needs = (x: SealedRecord) => x.followUp.some((f) => f.reevaluate);
    if (latest.seq !== r.seq && (needs(latest) || !needs(r))) this.requireLatest(seq);
    if (!needs(r)) {
      throw refuse(
        'RECORD_NEEDS_NO_REEVALUATION',
        `第 ${seq} 号记录无需再次测评 / record ${seq} (${r.outcome}) requires no re-evaluation under ${r.profile.id}`,
      );
    }
    this.store.linkItem(itemId, seq, canonicalHash(r));
  }

  followUps(): FollowUpItem[] {
    return followUps(this.store.all(), this.now(), this.store.doneIds());
  }

  markDone(id: string): void {
    const item = this.followUps().find((f) => f.id === id);
    if (!item) throw notFound('FOLLOWUP_NOT_FOUND', `没有跟踪事项 ${id} / no follow-up ${id}`);
    if (item.reevaluatedBy !== null || item.state === 'fulfilled' || item.state === 'escalated') {
      throw refuse(
        'FOLLOWUP_NOT_MANUAL',
        `跟踪事项 ${id} 由再次测评办结 / follow-up ${id} is settled by its re-evaluation, not by hand`,
      );
    }
    this.db.transaction(() => this.store.markDone(id, this.now().toISOString()))();
  }

  history(filter: HistoryFilter = {}): { organs: OrganHistory[]; years: number[] } {
    const all = this.store.all();
    return { organs: history(all, filter), years: historyYears(all) };
  }
}
