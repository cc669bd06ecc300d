import {
  isDomainError,
  tally,
  type CorrectionInput,
  type FollowUpItem,
  type OrganHistory,
  type RecordBody,
  type SealedRecord,
  type TallyResult,
} from '@hall/shared';
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../db/open-db';
import { invalid, notFound, refuse } from '../errors';
import { canonicalHash } from './canonical';
import { decided } from './decided';
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
   * Correct a sealed record (issue 7: "a correction is a new record that references the old one").
   * The corrected figures are decided again under the original record's full profile, and a new
   * record of the same vote is sealed at the end of the chain, naming the corrected record's seq,
   * hash and the reason. Only the latest record of a vote can be corrected.
   */
  correct(seq: number, input: CorrectionInput): SealedRecord {
    const reason = input.reason.trim();
    if (reason.length === 0 || reason.length > 500 || !/\p{Script=Han}/u.test(reason)) {
      throw invalid(
        'CORRECTION_REASON',
        '更正须以中文写明理由（1 至 500 字） / a correction needs its reason in Chinese (1-500 characters)',
      );
    }
    return this.db.transaction(() => {
      const original = this.requireLatest(seq);
      let result: TallyResult;
      try {
        result = tally(original.profile, {
          members: input.members,
          present: input.present,
          counts: input.counts,
          invalid: input.invalid,
        });
      } catch (e) {
        if (isDomainError(e)) throw invalid(e.code, e.message);
        throw e;
      }
      if (
        result.members === original.members &&
        result.present === original.present &&
        result.invalid === original.invalid &&
        isDeepStrictEqual(result.counts, original.counts)
      ) {
        throw invalid(
          'CORRECTION_UNCHANGED',
          `更正后的数字与第 ${seq} 号记录相同 / the corrected figures are those of record ${seq}`,
        );
      }
      return this.append({
        hall: original.hall,
        sessionId: original.sessionId,
        voteId: original.voteId,
        title: original.title,
        organ: original.organ,
        profile: original.profile,
        ...decided(result),
        openedAt: original.openedAt,
        closedAt: original.closedAt,
        announcedAt: this.now().toISOString(),
        corrects: { seq: original.seq, hash: canonicalHash(original), reason },
        // A corrected re-evaluation still answers the record whose follow-up required it.
        reevaluates: original.reevaluates,
      });
    })();
  }

  /** Mark an agenda item as the re-made report that answers record `seq`'s follow-up. */
  linkReevaluation(itemId: number, seq: number): void {
    const r = this.requireLatest(seq);
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
