import type { CorrectionInput, CorrectionProposal, RecordBody, SealedRecord } from '@hall/shared';
import { FIELD, requireSafeText } from '../text/safe-text';
import type { Db } from '../db/open-db';
import { notFound, refuse } from '../errors';
import { canonicalHash } from './canonical';
import { checkCorrection } from './correction-check';
import type { RecordStore } from './record-store';
import type { VoteFactsSource } from './vote-facts-store';

/**
 * The two-person rule (issue 10; issue 14 reuses it for hand counts, votes/hand-counts.ts): the
 * second person is not the first, nor someone whose account, role or password the first issued
 * (`users.issued_by`, auth/account-service.ts), or one secretariat user could make a chair
 * account and be both people. Null when `by` may act as the second person.
 */
export function secondPersonProblem(
  first: string,
  by: string,
  byIssuedBy: string | null,
): 'same-person' | 'issued-by-first' | null {
  if (first === by) return 'same-person';
  if (byIssuedBy !== null && byIssuedBy === first) return 'issued-by-first';
  return null;
}

/** What corrections need of the record chain (RecordService). */
export interface CorrectionChain {
  /** The record `seq` if it is its vote's latest; a refusal naming the correction otherwise. */
  requireLatest(seq: number): SealedRecord;
  /** Seal `body` as the next record of the chain and store it. */
  append(body: RecordBody): SealedRecord;
}

/**
 * Corrections of sealed records (issue 10), by two people: the secretariat proposes (checked at
 * once, stored as pending, nothing sealed), the chair, another person, confirms (checked again,
 * sealed as a new record naming both) or rejects (nothing sealed). Each step is one transaction.
 */
export class Corrections {
  constructor(
    private readonly db: Db,
    private readonly store: RecordStore,
    private readonly chain: CorrectionChain,
    /** The facts the hall stored about a vote, which bound a correction (vote-facts-store.ts). */
    private readonly facts: VoteFactsSource,
    private readonly now: () => Date,
  ) {}

  /**
   * The secretariat proposes a correction of record `seq` (its vote's latest): checked at once,
   * stored as a pending proposal, nothing sealed. One pending proposal per vote.
   */
  propose(seq: number, input: CorrectionInput, by: string): CorrectionProposal {
    return this.db.transaction(() => {
      const original = this.chain.requireLatest(seq);
      const pending = this.store.pendingForVote(original.voteId);
      if (pending) {
        throw refuse(
          'CORRECTION_PENDING',
          `测评 ${original.voteId} 已有待确认的更正提议 ${pending.id}，请先确认或驳回 / vote ${original.voteId} already has pending correction ${pending.id}; confirm or reject it first`,
        );
      }
      const body = checkCorrection(original, input, this.facts, this.now);
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
   * and sealed as a new record naming both people. `byIssuedBy` is who last issued the
   * confirmer's credentials or role (auth/account-service.ts): not the proposer either, or one
   * secretariat user could make a chair account and be both people.
   */
  confirm(id: number, by: string, byIssuedBy: string | null = null): SealedRecord {
    return this.db.transaction(() => {
      const p = this.requirePending(id);
      const problem = secondPersonProblem(p.proposedBy, by, byIssuedBy);
      if (problem === 'same-person') {
        throw refuse(
          'CORRECTION_SAME_PERSON',
          `更正须由另一人确认：${by} 提议了更正 ${id}，不能自行确认 / a correction needs a second person: ${by} proposed correction ${id} and cannot confirm it`,
        );
      }
      if (problem === 'issued-by-first') {
        throw refuse(
          'CORRECTION_NOT_INDEPENDENT',
          `更正须由独立的第二人确认：${by} 的账户（或角色、密码）由提议人 ${p.proposedBy} 设立，不能确认更正 ${id} / a correction needs an independent second person: ${by}'s account, role or password was issued by the proposer ${p.proposedBy}, so ${by} cannot confirm correction ${id}`,
        );
      }
      const original = this.chain.requireLatest(p.seq);
      if (canonicalHash(original) !== p.hash) {
        throw refuse(
          'CORRECTION_STALE',
          `第 ${p.seq} 号记录与提议时不同 / record ${p.seq} is not the one proposal ${id} was made for`,
        );
      }
      const body = checkCorrection(original, p.input, this.facts, this.now);
      const label = original.profile.outcomes.find((o) => o.id === original.outcome)?.label ?? {
        zh: original.outcome,
        en: original.outcome,
      };
      const record = this.chain.append({
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
  }

  /** The chair rejects proposal `id`: nothing is sealed. */
  reject(id: number, by: string, reason?: string): CorrectionProposal {
    if (reason) requireSafeText(reason, FIELD.rejectReason);
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
}
