import type { Db } from '../db/open-db';
import type { AgendaItemRow } from './session-store';

/**
 * The first agenda item of sitting `sessionId` (in item order) that no vote has been opened for
 * yet, or null when every item has one (issue 13: the hall display shows it between votes). A
 * vote being taken on an item makes the item after it the next one.
 */
export function nextAgendaItem(db: Db, sessionId: number): AgendaItemRow | null {
  const row = db
    .prepare(
      `SELECT a.item_id AS itemId, a.title, a.organ FROM agenda_items a
        WHERE a.session_id = ?
          AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.item_id = a.item_id)
        ORDER BY a.item_id LIMIT 1`,
    )
    .get(sessionId) as AgendaItemRow | undefined;
  return row ?? null;
}
