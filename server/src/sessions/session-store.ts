import type { Db } from '../db/open-db';
import { getMeta, setMeta } from '../db/open-db';

/** What a sitting is (issue 14, migration 005 `sessions.kind`): a committee sitting, or an
 * evaluation meeting (群众评议, seed 第二篇) whose voters are its own invited evaluators. */
export type SessionKind = 'committee' | 'evaluation';

/** A sitting as stored. */
export interface SessionRow {
  sessionId: number;
  title: string;
  startedAt: string;
  kind: SessionKind;
}

/** An agenda item as stored (db/schema.ts `agenda_items`). */
export interface AgendaItemRow {
  itemId: number;
  title: string;
  organ: string;
}

/** The SQL of sittings and their agenda (db/schema.ts), and the current sitting in `meta`. */
export class SessionStore {
  constructor(private readonly db: Db) {}

  /** The current sitting's id, or null if none was started. */
  currentId(): number | null {
    const v = getMeta(this.db, 'session');
    return v === undefined ? null : Number(v);
  }

  setCurrentId(sessionId: number): void {
    setMeta(this.db, 'session', String(sessionId));
  }

  /** Insert a sitting; returns its id. */
  insertSession(title: string, startedAt: string, kind: SessionKind = 'committee'): number {
    const info = this.db
      .prepare('INSERT INTO sessions (title, started_at, kind) VALUES (?, ?, ?)')
      .run(title, startedAt, kind);
    return Number(info.lastInsertRowid);
  }

  session(sessionId: number): SessionRow | undefined {
    const row = this.db
      .prepare('SELECT session_id, title, started_at, kind FROM sessions WHERE session_id = ?')
      .get(sessionId) as
      { session_id: number; title: string; started_at: string; kind: string } | undefined;
    return (
      row && {
        sessionId: row.session_id,
        title: row.title,
        startedAt: row.started_at,
        kind: row.kind === 'evaluation' ? 'evaluation' : 'committee',
      }
    );
  }

  /** Whether any vote of sitting `sessionId` was ever opened (whatever became of it). */
  anyVoteOpened(sessionId: number): boolean {
    return (
      this.db.prepare('SELECT 1 FROM votes WHERE session_id = ? LIMIT 1').get(sessionId) !==
      undefined
    );
  }

  /** The agenda of sitting `sessionId`, in item id order. */
  items(sessionId: number): AgendaItemRow[] {
    return this.db
      .prepare(
        'SELECT item_id AS itemId, title, organ FROM agenda_items WHERE session_id = ? ORDER BY item_id',
      )
      .all(sessionId) as AgendaItemRow[];
  }

  /** Insert an agenda item; returns its id. */
  insertItem(sessionId: number, title: string, organ: string): number {
    const info = this.db
      .prepare('INSERT INTO agenda_items (session_id, title, organ) VALUES (?, ?, ?)')
      .run(sessionId, title, organ);
    return Number(info.lastInsertRowid);
  }

  item(sessionId: number, itemId: number): AgendaItemRow | undefined {
    return this.db
      .prepare(
        'SELECT item_id AS itemId, title, organ FROM agenda_items WHERE item_id = ? AND session_id = ?',
      )
      .get(itemId, sessionId) as AgendaItemRow | undefined;
  }
}
