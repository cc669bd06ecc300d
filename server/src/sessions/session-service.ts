import type { Db } from '../db/open-db';
import { getMeta, setMeta } from '../db/open-db';
import { notFound, refuse } from '../errors';
import { FIELD, requireSafeText } from '../text/safe-text';

export interface AgendaItem {
  itemId: number;
  title: string;
  organ: string;
}

export interface SessionInfo {
  sessionId: number;
  title: string;
  startedAt: string;
  items: AgendaItem[];
}

/** Sittings and their agenda (DOMAIN.md "A sitting, step by step" 1). One sitting is current. */
export class SessionService {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  currentId(): number | null {
    const v = getMeta(this.db, 'session');
    return v === undefined ? null : Number(v);
  }

  /** Start a new sitting; it becomes current (attendance starts afresh). */
  start(title: string): number {
    requireSafeText(title, FIELD.sessionTitle);
    return this.db.transaction(() => {
      const info = this.db
        .prepare('INSERT INTO sessions (title, started_at) VALUES (?, ?)')
        .run(title, this.now().toISOString());
      const id = Number(info.lastInsertRowid);
      setMeta(this.db, 'session', String(id));
      return id;
    })();
  }

  current(): SessionInfo | null {
    const id = this.currentId();
    if (id === null) return null;
    const row = this.db
      .prepare('SELECT session_id, title, started_at FROM sessions WHERE session_id = ?')
      .get(id) as { session_id: number; title: string; started_at: string } | undefined;
    if (!row) return null;
    const items = this.db
      .prepare(
        'SELECT item_id AS itemId, title, organ FROM agenda_items WHERE session_id = ? ORDER BY item_id',
      )
      .all(id) as AgendaItem[];
    return { sessionId: row.session_id, title: row.title, startedAt: row.started_at, items };
  }

  requireCurrent(): number {
    const id = this.currentId();
    if (id === null)
      throw refuse(
        'NO_SESSION',
        '尚未开始会议（请先开始会议：session start） / no sitting has been started (session start)',
      );
    return id;
  }

  addItem(title: string, organ: string): number {
    requireSafeText(title, FIELD.itemTitle);
    requireSafeText(organ, FIELD.organ);
    const sessionId = this.requireCurrent();
    const info = this.db
      .prepare('INSERT INTO agenda_items (session_id, title, organ) VALUES (?, ?, ?)')
      .run(sessionId, title, organ);
    return Number(info.lastInsertRowid);
  }

  item(itemId: number): AgendaItem {
    const sessionId = this.requireCurrent();
    const row = this.db
      .prepare(
        'SELECT item_id AS itemId, title, organ FROM agenda_items WHERE item_id = ? AND session_id = ?',
      )
      .get(itemId, sessionId) as AgendaItem | undefined;
    if (!row)
      throw notFound(
        'NO_ITEM',
        `本次会议没有议程 ${itemId} / agenda item ${itemId} is not on the current sitting`,
      );
    return row;
  }
}
