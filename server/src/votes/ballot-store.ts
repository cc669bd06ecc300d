import type { Db } from '../db/open-db';

/**
 * Every SQL statement on `vote_ballots` (server/SECRECY.md): one slot per member seat, each a
 * 32-byte encrypted box, created at opening, overwritten in place by a press, deleted at close.
 */

/** Write `boxes[i]` as slot i of the vote. Call only inside the opening (or adopting) transaction. */
export function insertBoxes(db: Db, voteId: number, boxes: Iterable<Buffer>): void {
  const slot = db.prepare('INSERT INTO vote_ballots (vote_id, slot, box) VALUES (?, ?, ?)');
  let i = 0;
  for (const box of boxes) slot.run(voteId, i++, box);
}

/** Overwrite one slot's box in place (same length). Call only inside the press transaction. */
export function writeBox(db: Db, voteId: number, slot: number, box: Buffer): void {
  db.prepare('UPDATE vote_ballots SET box = ? WHERE vote_id = ? AND slot = ?').run(
    box,
    voteId,
    slot,
  );
}

/** The vote's slots, in slot order. */
export function readBoxes(db: Db, voteId: number): { slot: number; box: Buffer }[] {
  return db
    .prepare('SELECT slot, box FROM vote_ballots WHERE vote_id = ? ORDER BY slot')
    .all(voteId) as { slot: number; box: Buffer }[];
}

/** Delete the vote's slots (inside the closing transaction; secure_delete zeroes them). */
export function deleteBoxes(db: Db, voteId: number): void {
  db.prepare('DELETE FROM vote_ballots WHERE vote_id = ?').run(voteId);
}
