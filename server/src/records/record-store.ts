import type { CorrectionInput, CorrectionProposal, SealedRecord } from '@hall/shared';
import type { Db } from '../db/open-db';

/**
 * Sealed records, kept as the exact JSON that was signed (CONTRACT.md §5: a record never changes
 * after sealing). A record holds only aggregate figures, so storing it links no seat to a choice.
 */
export class RecordStore {
  /** Its tables are made by the migrations (db/migrations/002-baseline.ts). */
  constructor(private readonly db: Db) {}

  last(): SealedRecord | null {
    const row = this.db.prepare('SELECT json FROM records ORDER BY seq DESC LIMIT 1').get() as
      { json: string } | undefined;
    return row ? (JSON.parse(row.json) as SealedRecord) : null;
  }

  insert(record: SealedRecord): void {
    this.db
      .prepare('INSERT INTO records (seq, vote_id, json) VALUES (?, ?, ?)')
      .run(record.seq, record.voteId, JSON.stringify(record));
  }

  all(): SealedRecord[] {
    return (
      this.db.prepare('SELECT json FROM records ORDER BY seq').all() as { json: string }[]
    ).map((r) => JSON.parse(r.json) as SealedRecord);
  }

  bySeq(seq: number): SealedRecord | undefined {
    const row = this.db.prepare('SELECT json FROM records WHERE seq = ?').get(seq) as
      { json: string } | undefined;
    return row ? (JSON.parse(row.json) as SealedRecord) : undefined;
  }

  /** The latest record of a vote: the correction of a correction of ... the original. */
  byVote(voteId: number): SealedRecord | undefined {
    const row = this.db
      .prepare('SELECT json FROM records WHERE vote_id = ? ORDER BY seq DESC LIMIT 1')
      .get(voteId) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as SealedRecord) : undefined;
  }

  linkItem(itemId: number, seq: number, hash: string): void {
    this.db
      .prepare('INSERT INTO item_reevaluates (item_id, seq, hash) VALUES (?, ?, ?)')
      .run(itemId, seq, hash);
  }

  itemLink(itemId: number): { seq: number; hash: string } | null {
    return (
      (this.db.prepare('SELECT seq, hash FROM item_reevaluates WHERE item_id = ?').get(itemId) as
        { seq: number; hash: string } | undefined) ?? null
    );
  }

  markDone(id: string, at: string): void {
    this.db.prepare('INSERT OR IGNORE INTO followup_done (id, done_at) VALUES (?, ?)').run(id, at);
  }

  addProposal(
    p: Omit<
      CorrectionProposal,
      'id' | 'state' | 'decidedBy' | 'decidedAt' | 'sealedSeq' | 'rejectReason' | 'title'
    >,
  ): number {
    const info = this.db
      .prepare(
        `INSERT INTO correction_proposals
           (seq, hash, vote_id, input_json, previous_outcome, outcome, proposed_by, proposed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        p.seq,
        p.hash,
        p.voteId,
        JSON.stringify(p.input),
        p.previousOutcome,
        p.outcome,
        p.proposedBy,
        p.proposedAt,
      );
    return Number(info.lastInsertRowid);
  }

  proposal(id: number): CorrectionProposal | undefined {
    const row = this.db.prepare('SELECT * FROM correction_proposals WHERE id = ?').get(id) as
      ProposalRow | undefined;
    return row ? this.toProposal(row) : undefined;
  }

  /** Proposals in the order they were made; only the pending ones unless `all`. */
  proposals(all = false): CorrectionProposal[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM correction_proposals ${all ? '' : "WHERE state = 'pending'"} ORDER BY id`,
      )
      .all() as ProposalRow[];
    return rows.map((r) => this.toProposal(r));
  }

  pendingForVote(voteId: number): CorrectionProposal | undefined {
    const row = this.db
      .prepare(`SELECT * FROM correction_proposals WHERE vote_id = ? AND state = 'pending'`)
      .get(voteId) as ProposalRow | undefined;
    return row ? this.toProposal(row) : undefined;
  }

  decideProposal(
    id: number,
    d: {
      state: 'confirmed' | 'rejected';
      by: string;
      at: string;
      sealedSeq?: number;
      reason?: string;
    },
  ): void {
    this.db
      .prepare(
        `UPDATE correction_proposals SET state = ?, decided_by = ?, decided_at = ?, sealed_seq = ?,
           reject_reason = ? WHERE id = ? AND state = 'pending'`,
      )
      .run(d.state, d.by, d.at, d.sealedSeq ?? null, d.reason ?? null, id);
  }

  private toProposal(r: ProposalRow): CorrectionProposal {
    const input = JSON.parse(r.input_json) as CorrectionInput;
    const target = this.bySeq(r.seq);
    return {
      id: r.id,
      seq: r.seq,
      hash: r.hash,
      voteId: r.vote_id,
      title: input.title ?? target?.title ?? '',
      input,
      previousOutcome: r.previous_outcome,
      outcome: r.outcome,
      proposedBy: r.proposed_by,
      proposedAt: r.proposed_at,
      state: r.state,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at,
      sealedSeq: r.sealed_seq,
      rejectReason: r.reject_reason,
    };
  }

  doneIds(): Set<string> {
    return new Set(
      (this.db.prepare('SELECT id FROM followup_done').all() as { id: string }[]).map((r) => r.id),
    );
  }
}

interface ProposalRow {
  id: number;
  seq: number;
  hash: string;
  vote_id: number;
  input_json: string;
  previous_outcome: string;
  outcome: string;
  proposed_by: string;
  proposed_at: string;
  state: CorrectionProposal['state'];
  decided_by: string | null;
  decided_at: string | null;
  sealed_seq: number | null;
  reject_reason: string | null;
}
