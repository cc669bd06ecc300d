import {
  isDomainError,
  SEED_PROFILES,
  seedProfile,
  shortHash,
  tally,
  validateProfile,
  type ChainHead,
  type CorrectionInput,
  type CorrectionProposal,
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
import { storedVoteFacts, type VoteFactsSource } from './vote-facts';

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
  /** The facts the hall stored about a vote, which bound a correction (vote-facts.ts). */
  private readonly facts: VoteFactsSource;
  /** Called after a correction is sealed, so screens show it (the Hall pushes its state). */
  changed: () => void = () => {};

  /** `keyDir`: HALL_KEY_DIR, where the signing key lives (keys.ts); `key` (tests) replaces it. */
  constructor(
    private readonly db: Db,
    keyDir: string,
    private readonly now: () => Date = () => new Date(),
    key?: HallKey,
    facts?: VoteFactsSource,
  ) {
    this.key = key ?? loadOrCreateKey(keyDir);
    this.store = new RecordStore(db);
    this.facts = facts ?? ((voteId) => storedVoteFacts(db, voteId));
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
   * Check a correction of record `original` and decide it (issue 10). A correction fixes what a
   * person typed (title, organ, the profile chosen by mistake, counts), never the facts the hall
   * stored: `members` is the members stored for the vote, `present` the present stored at close,
   * and valid + invalid at most the seats that pressed. The tally checks the figures first (it
   * names what is inconsistent); the stored facts then bound them.
   */
  private checkCorrection(original: SealedRecord, input: CorrectionInput): RecordBody {
    const reason = input.reason.trim();
    if (reason.length === 0 || reason.length > 500 || !/\p{Script=Han}/u.test(reason)) {
      throw invalid(
        'CORRECTION_REASON',
        '更正须以中文写明理由（1 至 500 字） / a correction needs its reason in Chinese (1-500 characters)',
      );
    }
    const facts = this.facts(original.voteId);
    if (!facts || facts.presentAtClose === null) {
      throw refuse(
        'CORRECTION_NO_FACTS',
        `本会场没有测评 ${original.voteId} 的存储数据，无法核对更正 / this hall stores no facts of vote ${original.voteId}, so a correction cannot be checked against them`,
      );
    }
    const v = original.voteId;
    if (input.members !== facts.members) {
      throw invalid(
        'CORRECTION_MEMBERS',
        `应到须为测评 ${v} 开始时名单上的全体组成人员 ${facts.members} 人，不能更正为 ${input.members} 人 / members must stay ${facts.members}, the members stored for vote ${v} when it opened (got ${input.members})`,
      );
    }
    const title = input.title === undefined ? original.title : input.title.trim();
    if (title.length === 0 || title.length > 200) {
      throw invalid('CORRECTION_TITLE', '标题须为 1 至 200 字 / the title needs 1-200 characters');
    }
    const organ =
      input.organ === undefined ? original.organ : input.organ === null ? null : input.organ.trim();
    if (organ !== null && (organ.length === 0 || organ.length > 100)) {
      throw invalid(
        'CORRECTION_ORGAN',
        '报告机关须为 1 至 100 字 / the reporting organ needs 1-100 characters',
      );
    }
    let profile = original.profile;
    if (input.profile !== undefined && input.profile !== original.profile.id) {
      const seed = seedProfile(input.profile);
      if (!seed) {
        const known = SEED_PROFILES.map((p) => p.id).join(', ');
        throw invalid(
          'UNKNOWN_PROFILE',
          `未知的测评办法“${input.profile}”（可用：${known}） / unknown profile "${input.profile}" (known: ${known})`,
        );
      }
      profile = validateProfile(seed);
    }
    let result: TallyResult;
    try {
      result = tally(profile, {
        members: input.members,
        present: input.present,
        counts: input.counts,
        invalid: input.invalid,
      });
    } catch (e) {
      if (isDomainError(e)) throw invalid(e.code, e.message);
      throw e;
    }
    if (result.present !== facts.presentAtClose) {
      throw invalid(
        'CORRECTION_PRESENT',
        `实到须为测评 ${v} 结束时记录的 ${facts.presentAtClose} 人，不能更正为 ${result.present} 人 / present must stay ${facts.presentAtClose}, the present stored when vote ${v} closed (got ${result.present})`,
      );
    }
    const ballots = result.valid + result.invalid;
    if (ballots > facts.pressed) {
      throw invalid(
        'CORRECTION_BALLOTS',
        `有效票 ${result.valid} 张与无效票 ${result.invalid} 张共 ${ballots} 张，多于测评 ${v} 中已按键的 ${facts.pressed} 个席位 / valid ${result.valid} + invalid ${result.invalid} = ${ballots} ballots is more than the ${facts.pressed} seats that pressed in vote ${v}`,
      );
    }
    if (
      title === original.title &&
      organ === original.organ &&
      profile.id === original.profile.id &&
      result.members === original.members &&
      result.present === original.present &&
      result.invalid === original.invalid &&
      isDeepStrictEqual(result.counts, original.counts)
    ) {
      throw invalid(
        'CORRECTION_UNCHANGED',
        `更正后的内容与第 ${original.seq} 号记录相同 / the correction changes nothing of record ${original.seq}`,
      );
    }
    return {
      hall: original.hall,
      sessionId: original.sessionId,
      voteId: original.voteId,
      title,
      organ,
      profile,
      ...decided(result),
      openedAt: original.openedAt,
      closedAt: original.closedAt,
      announcedAt: this.now().toISOString(),
      corrects: { seq: original.seq, hash: canonicalHash(original), reason },
      // A corrected re-evaluation still answers the record whose follow-up required it.
      reevaluates: original.reevaluates,
    };
  }

  /**
   * The secretariat proposes a correction of record `seq` (its vote's latest): checked at once,
   * stored as a pending proposal, nothing sealed. One pending proposal per vote.
   */
  propose(seq: number, input: CorrectionInput, by: string): CorrectionProposal {
    return this.db.transaction(() => {
      const original = this.requireLatest(seq);
      const pending = this.store.pendingForVote(original.voteId);
      if (pending) {
        throw refuse(
          'CORRECTION_PENDING',
          `测评 ${original.voteId} 已有待确认的更正提议 ${pending.id}，请先确认或驳回 / vote ${original.voteId} already has pending correction ${pending.id}; confirm or reject it first`,
        );
      }
      const body = this.checkCorrection(original, input);
      const id = this.store.addProposal({
        seq: original.seq,
        hash: canonicalHash(original),
        voteId: original.voteId,
        input,
        previousOutcome: original.outcome,
        outcome: body.outcome,
        proposedBy: by,
        proposedAt: this.now().toISOString(),
      });
      return this.proposal(id);
    })();
  }

  proposal(id: number): CorrectionProposal {
    const p = this.store.proposal(id);
    if (!p)
      throw notFound('CORRECTION_NOT_FOUND', `没有更正提议 ${id} / no correction proposal ${id}`);
    return p;
  }

  /** Pending proposals (or all, with `all`), oldest first. */
  proposals(all = false): CorrectionProposal[] {
    return this.store.proposals(all);
  }

  private requirePending(id: number): CorrectionProposal {
    const p = this.proposal(id);
    if (p.state !== 'pending') {
      throw refuse(
        'CORRECTION_DECIDED',
        `更正提议 ${id} 已${p.state === 'confirmed' ? '确认' : '驳回'} / correction proposal ${id} is already ${p.state}`,
      );
    }
    return p;
  }

  /**
   * The chair confirms proposal `id`: a person other than the proposer. The proposal is checked
   * again against the record it names (still its vote's latest, same hash) and the stored facts,
   * and sealed as a new record naming both people.
   */
  confirm(id: number, by: string): SealedRecord {
    const sealed = this.db.transaction(() => {
      const p = this.requirePending(id);
      if (p.proposedBy === by) {
        throw refuse(
          'CORRECTION_SAME_PERSON',
          `更正须由另一人确认：${by} 提议了更正 ${id}，不能自行确认 / a correction needs a second person: ${by} proposed correction ${id} and cannot confirm it`,
        );
      }
      const original = this.requireLatest(p.seq);
      if (canonicalHash(original) !== p.hash) {
        throw refuse(
          'CORRECTION_STALE',
          `第 ${p.seq} 号记录与提议时不同 / record ${p.seq} is not the one proposal ${id} was made for`,
        );
      }
      const body = this.checkCorrection(original, p.input);
      const label = original.profile.outcomes.find((o) => o.id === original.outcome)?.label ?? {
        zh: original.outcome,
        en: original.outcome,
      };
      const record = this.append({
        ...body,
        corrects: {
          ...body.corrects!,
          proposedBy: p.proposedBy,
          confirmedBy: by,
          previousOutcome: { id: original.outcome, label },
        },
      });
      this.store.decideProposal(id, {
        state: 'confirmed',
        by,
        at: record.announcedAt,
        sealedSeq: record.seq,
      });
      return record;
    })();
    this.changed();
    return sealed;
  }

  /** The chair rejects proposal `id`: nothing is sealed. */
  reject(id: number, by: string, reason?: string): CorrectionProposal {
    this.db.transaction(() => {
      this.requirePending(id);
      this.store.decideProposal(id, {
        state: 'rejected',
        by,
        at: this.now().toISOString(),
        ...(reason ? { reason } : {}),
      });
    })();
    return this.proposal(id);
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
