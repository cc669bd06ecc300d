import type { Db } from '../db/open-db';

/**
 * A paper or hands vote's counts as stored (`hand_counts`, db/migrations/005-evaluation-forms.ts):
 * totals only, entered by one login and confirmed by another. Nothing here names a seat or a
 * member (server/SECRECY.md): a count taken by people is a total from the start.
 */
export interface HandCountsRow {
  voteId: number;
  /** Every option of the vote's profile → n, in the profile's order. */
  counts: Record<string, number>;
  invalid: number;
  enteredBy: string;
  enteredAt: string;
  confirmedBy: string | null;
  confirmedAt: string | null;
}

interface Stored {
  vote_id: number;
  counts_json: string;
  invalid: number;
  entered_by: string;
  entered_at: string;
  confirmed_by: string | null;
  confirmed_at: string | null;
}

/** The vote's hand counts, or undefined when none were entered. */
export function handCountsOf(db: Db, voteId: number): HandCountsRow | undefined {
  const r = db.prepare('SELECT * FROM hand_counts WHERE vote_id = ?').get(voteId) as
    Stored | undefined;
  if (!r) return undefined;
  return {
    voteId: r.vote_id,
    counts: JSON.parse(r.counts_json) as Record<string, number>,
    invalid: r.invalid,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at,
    confirmedBy: r.confirmed_by,
    confirmedAt: r.confirmed_at,
  };
}

/** valid + invalid ballots counted by hand in the vote (0 when none were entered). */
export function handBallots(db: Db, voteId: number): number {
  const c = handCountsOf(db, voteId);
  if (!c) return 0;
  return Object.values(c.counts).reduce((a, n) => a + n, c.invalid);
}

/**
 * Enter (or replace) the vote's counts: any earlier counts and their confirmation are gone.
 * `confirmedBy` set: entered and confirmed in one step (the operator token, hand-counts.ts).
 */
export function storeHandCounts(
  db: Db,
  row: Omit<HandCountsRow, 'confirmedBy' | 'confirmedAt'> & {
    confirmedBy: string | null;
    confirmedAt: string | null;
  },
): void {
  db.prepare(
    `INSERT OR REPLACE INTO hand_counts
       (vote_id, counts_json, invalid, entered_by, entered_at, confirmed_by, confirmed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.voteId,
    JSON.stringify(row.counts),
    row.invalid,
    row.enteredBy,
    row.enteredAt,
    row.confirmedBy,
    row.confirmedAt,
  );
}

/** Confirm the counts as entered (by `enteredAt`: a re-entry in between is not confirmed). */
export function confirmHandCounts(
  db: Db,
  voteId: number,
  enteredAt: string,
  by: string,
  at: string,
): boolean {
  return (
    db
      .prepare(
        `UPDATE hand_counts SET confirmed_by = ?, confirmed_at = ?
           WHERE vote_id = ? AND entered_at = ? AND confirmed_by IS NULL`,
      )
      .run(by, at, voteId, enteredAt).changes === 1
  );
}

/** Forget a vote's hand counts (an abandoned vote's partial split is never kept). */
export function deleteHandCounts(db: Db, voteId: number): void {
  db.prepare('DELETE FROM hand_counts WHERE vote_id = ?').run(voteId);
}
