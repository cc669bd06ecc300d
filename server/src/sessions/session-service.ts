import type { Db } from '../db/open-db';
import { notFound, refuse } from '../errors';
import { FIELD, requireSafeText } from '../text/safe-text';
import { SessionStore, type SessionKind } from './session-store';

export type { SessionKind } from './session-store';

export interface AgendaItem {
  itemId: number;
  title: string;
  organ: string;
}

export interface SessionInfo {
  sessionId: number;
  title: string;
  startedAt: string;
  kind: SessionKind;
  items: AgendaItem[];
}

/** Sittings and their agenda (DOMAIN.md "A sitting, step by step" 1). One sitting is current. */
export class SessionService {
  private readonly store: SessionStore;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.store = new SessionStore(db);
  }

  currentId(): number | null {
    return this.store.currentId();
  }

  /**
   * Start a new sitting; it becomes current (attendance starts afresh). `evaluation`: an
   * evaluation meeting (issue 14), whose voters are the evaluators imported for it.
   */
  start(title: string, kind: SessionKind = 'committee'): number {
    requireSafeText(title, FIELD.sessionTitle);
    return this.db.transaction(() => {
      const id = this.store.insertSession(title, this.now().toISOString(), kind);
      this.store.setCurrentId(id);
      return id;
    })();
  }

  /** A sitting's name, current or past (exports and printouts name the sitting); null if unknown. */
  titleOf(sessionId: number): string | null {
    return this.store.session(sessionId)?.title ?? null;
  }

  /** The current sitting's kind; `committee` when none was started. */
  currentKind(): SessionKind {
    const id = this.currentId();
    return (id === null ? undefined : this.store.session(id)?.kind) ?? 'committee';
  }

  /** Whether any vote of the current sitting has opened (an evaluation meeting's roster is then fixed). */
  anyVoteOpened(): boolean {
    const id = this.currentId();
    return id !== null && this.store.anyVoteOpened(id);
  }

  current(): SessionInfo | null {
    const id = this.currentId();
    if (id === null) return null;
    const session = this.store.session(id);
    if (!session) return null;
    return { ...session, items: this.store.items(id) };
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
    return this.store.insertItem(sessionId, title, organ);
  }

  item(itemId: number): AgendaItem {
    const sessionId = this.requireCurrent();
    const row = this.store.item(sessionId, itemId);
    if (!row)
      throw notFound(
        'NO_ITEM',
        `本次会议没有议程 ${itemId} / agenda item ${itemId} is not on the current sitting`,
      );
    return row;
  }
}
