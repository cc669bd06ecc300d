import type {
  FollowUpItem,
  OrganHistory,
  RecordBody,
  SealedRecord,
  TallyResult,
} from '@hall/shared';
import type { Db } from '../db/open-db';
import { notFound, refuse } from '../errors';
import { canonicalHash } from './canonical';
import { followUps } from './followup';
import { history, historyYears, type HistoryFilter } from './history';
import { keyFingerprint, loadOrCreateKey, type HallKey } from './keys';
import { RecordStore } from './record-store';
import { sealRecord } from './seal';

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
}

/**
 * The hall's signed records (issue 7): sealed at announcement in the same transaction as the
 * announcement itself, chained, never changed; history and follow-up read from them.
 */
export class RecordService {
  readonly key: HallKey;
  private readonly store: RecordStore;

  constructor(
    private readonly db: Db,
    dataDir: string,
    private readonly now: () => Date = () => new Date(),
    key?: HallKey,
  ) {
    this.key = key ?? loadOrCreateKey(dataDir);
    this.store = new RecordStore(db);
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
    const r = v.result;
    const body: RecordBody = {
      hall: v.hall,
      sessionId: v.sessionId,
      voteId: v.voteId,
      title: v.title,
      organ: v.organ,
      profile: v.profile,
      members: r.members,
      present: r.present,
      valid: r.valid,
      counts: r.counts,
      invalid: r.invalid,
      notVoted: r.notVoted,
      outcome: r.outcome,
      followUp: r.followUp,
      explanation: r.explanation,
      openedAt: v.openedAt,
      closedAt: v.closedAt,
      announcedAt: v.announcedAt,
      corrects: null,
      reevaluates: v.itemId === null ? null : this.store.itemLink(v.itemId),
    };
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

  forVote(voteId: number): SealedRecord {
    const r = this.store.byVote(voteId);
    if (!r)
      throw notFound(
        'RECORD_NOT_FOUND',
        `测评 ${voteId} 尚无签名记录（尚未公布？） / vote ${voteId} has no sealed record (not announced yet?)`,
      );
    return r;
  }

  /** Mark an agenda item as the re-made report that answers record `seq`'s follow-up. */
  linkReevaluation(itemId: number, seq: number): void {
    const r = this.get(seq);
    if (!r.followUp.some((f) => f.reevaluate)) {
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
