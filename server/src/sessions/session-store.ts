import type { Db } from '../db/open-db';
import { getMeta, setMeta } from '../db/open-db';

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
  insertSession(title: string, startedAt: string): number {
    const info = this.db
      .prepare('INSERT INTO sessions (title, started_at) VALUES (?, ?)')
      .run(title, startedAt);
    return Number(info.lastInsertRowid);
  }

  session(sessionId: number): { sessionId: number; title: string; startedAt: string } | undefined {
    const row = this.db
      .prepare('SELECT session_id, title, started_at FROM sessions WHERE session_id = ?')
      .get(sessionId) as { session_id: number; title: string; started_at: string } | undefined;
    return row && { sessionId: row.session_id, title: row.title, startedAt: row.started_at };
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
