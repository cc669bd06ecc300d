import type { Evaluator } from '@hall/shared';
import type { Db } from '../db/open-db';

interface Row {
  evaluator_id: string;
  name: string;
  grp: string;
  seat: string | null;
}

/** The SQL of an evaluation meeting's invited evaluators (migration 005 `evaluators`). */
export class EvaluatorsStore {
  constructor(private readonly db: Db) {}

  /** The evaluators of sitting `sessionId`, in id order. */
  all(sessionId: number): Evaluator[] {
    const rows = this.db
      .prepare('SELECT * FROM evaluators WHERE session_id = ? ORDER BY evaluator_id')
      .all(sessionId) as Row[];
    return rows.map((r) => ({
      evaluatorId: r.evaluator_id,
      name: r.name,
      group: r.grp,
      seat: r.seat,
    }));
  }

  /** Replace the evaluators of `sessionId`; call inside the caller's transaction. */
  replace(sessionId: number, entries: readonly Evaluator[]): void {
    const insert = this.db.prepare(
      'INSERT INTO evaluators (session_id, evaluator_id, name, grp, seat) VALUES (?, ?, ?, ?, ?)',
    );
    this.db.prepare('DELETE FROM evaluators WHERE session_id = ?').run(sessionId);
    for (const e of entries) insert.run(sessionId, e.evaluatorId, e.name, e.group, e.seat);
  }
}
