import type { Profile } from '@hall/shared';
import { randomInt } from 'node:crypto';
import type { Db } from '../db/open-db';
import { openBox, sealBox, type BoxContent } from './ballot-box';
import type { BallotKeyLog, BallotKeys } from './ballot-keys';
import { deleteBoxes, insertBoxes, readBoxes, writeBox } from './ballot-store';
import {
  deleteCounts,
  INVALID,
  legacyCounts,
  pressedSeatCount,
  setBallotKeyId,
  voteSeatCount,
  type VoteRow,
} from './vote-store';

/** What only the ballot slots hold of the open vote: its ballot key and the empty slots. */
interface OpenBallots {
  voteId: number;
  keyId: string;
  key: Buffer;
  free: number[];
}

const EMPTY: BoxContent = { kind: 'empty' };

/**
 * The open vote's encrypted ballot slots (server/SECRECY.md): what is in them (their SQL is
 * ballot-store.ts's), and the only holder of the open vote's ballot key in memory. A slot is created
 * per member seat at opening with an "empty" box; a press overwrites one randomly chosen empty
 * slot's box in place (same length, fresh nonce); the close opens every box to count, then the
 * slots are deleted and the key destroyed. No count is kept in memory, only the list of empty
 * slots.
 */
export class BallotSlots {
  private ballots: OpenBallots | null = null;

  constructor(
    private readonly db: Db,
    private readonly ballotKeys: BallotKeys,
    private readonly log: BallotKeyLog,
  ) {}

  /** The key id of the loaded open vote, or null. */
  get keyId(): string | null {
    return this.ballots?.keyId ?? null;
  }

  /**
   * At start: destroy every ballot key in HALL_KEY_DIR that the open vote (if any) does not
   * need. A crash between a close's commit and its key's removal, or between writing a new key
   * and the opening's commit, leaves such a key.
   */
  sweepKeys(): void {
    this.ballotKeys.sweep(this.keyId);
  }

  /**
   * Load the open vote's key and empty slots: its key from HALL_KEY_DIR (or the one already in
   * memory for that vote), the empty slots found by opening every box. A vote left open by
   * version 1 (no key id) is first moved onto a new key (`adoptLegacyVote`).
   */
  load(row: VoteRow, profile: Profile): void {
    // A paper or hands vote (issue 14) has no key because it has no seat ballots: its null
    // ballot_key_id is not version 1's, and it must never be "adopted" onto a key.
    if (row.method !== 'keypads') throw new Error(`vote ${row.vote_id} has no ballot slots`);
    const keyId = row.ballot_key_id ?? this.adoptLegacyVote(row, profile);
    let key: Buffer;
    if (this.ballots?.voteId === row.vote_id && this.ballots.keyId === keyId)
      key = this.ballots.key;
    else {
      this.drop();
      key = this.ballotKeys.read(keyId);
    }
    const free: number[] = [];
    for (const b of this.boxes(row.vote_id)) {
      if (openBox(key, row.vote_id, b.slot, b.box).kind === 'empty') free.push(b.slot);
    }
    this.ballots = { voteId: row.vote_id, keyId, key, free };
  }

  /** Forget the open vote's key in memory (at close, and when the hall stops). */
  drop(): void {
    this.ballots?.key.fill(0);
    this.ballots = null;
  }

  /**
   * Open a vote's slots. The ballot key is put on disk (HALL_KEY_DIR, fsynced) BEFORE the
   * opening commits, so a vote that exists always has its key; a key whose opening never
   * committed is destroyed at next start. In one transaction `insertVote(keyId)` writes the
   * vote (and its seats) and returns its id, then one slot per member seat is written, each an
   * encrypted "empty" box: every box the same length. If the transaction fails, the key is
   * destroyed. Returns the vote id; the key stays in memory for it (call `load` next).
   */
  open(slots: number, insertVote: (keyId: string) => number): number {
    const { keyId, key } = this.ballotKeys.create();
    let voteId: number;
    try {
      voteId = this.db.transaction(() => {
        const id = insertVote(keyId);
        insertBoxes(this.db, id, emptyBoxes(key, id, slots));
        return id;
      })();
    } catch (err) {
      key.fill(0);
      this.ballotKeys.destroy(keyId);
      throw err;
    }
    this.drop();
    this.ballots = { voteId, keyId, key, free: [] };
    return voteId;
  }

  /** The loaded ballots of this vote with an empty slot left, or a refusal to record. */
  private withFreeSlot(voteId: number): OpenBallots {
    const b = this.ballots;
    if (!b || b.voteId !== voteId || b.free.length === 0) {
      throw new Error(`vote ${voteId}: no empty ballot slot`);
    }
    return b;
  }

  /** Throws unless the vote has an empty slot (checked before a press writes anything). */
  requireFreeSlot(voteId: number): void {
    this.withFreeSlot(voteId);
  }

  /**
   * Put one ballot into the vote's slots. Call only inside the press transaction (if it fails,
   * the caller reloads). What it writes does not depend on the choice: a RANDOM empty slot's box
   * overwritten in place by a box of the same length under a fresh nonce. Nothing else (the
   * press's only other write, the seat's `pressed` 0 → 1, is VoteService.recordBallot's).
   */
  fill(voteId: number, profile: Profile, option: string): void {
    const b = this.withFreeSlot(voteId);
    const i = randomInt(b.free.length);
    const slot = b.free[i]!;
    writeBox(this.db, voteId, slot, sealBox(b.key, voteId, slot, this.contentOf(profile, option)));
    b.free[i] = b.free[b.free.length - 1]!;
    b.free.pop();
  }

  /** This vote's ballots in memory; throws unless its key is loaded. */
  private loaded(voteId: number): OpenBallots {
    const b = this.ballots;
    if (!b || b.voteId !== voteId) throw new Error(`vote ${voteId}: its ballot key is not loaded`);
    return b;
  }

  /** The vote's key id; throws unless its key is loaded (checked before a close writes). */
  requireKey(voteId: number): string {
    return this.loaded(voteId).keyId;
  }

  /**
   * Open every box of the vote (inside the closing transaction) and count: option → n, with
   * every option and `invalid` present. Refuses when the boxes and the pressed seats disagree.
   */
  count(voteId: number, profile: Profile): Map<string, number> {
    const key = this.loaded(voteId).key;
    const options = [...profile.optionSet.options.map((o) => o.key), INVALID].sort();
    const counts = new Map(options.map((o) => [o, 0]));
    let filled = 0;
    for (const b of this.boxes(voteId)) {
      const c = openBox(key, voteId, b.slot, b.box);
      if (c.kind === 'empty') continue;
      filled++;
      const option = c.kind === 'invalid' ? INVALID : profile.optionSet.options[c.index]?.key;
      if (option === undefined) throw new Error(`vote ${voteId}: a ballot of no option`);
      counts.set(option, counts.get(option)! + 1);
    }
    const pressed = pressedSeatCount(this.db, voteId);
    if (filled !== pressed) {
      throw new Error(
        `vote ${voteId}: ${filled} ballots in the slots but ${pressed} seats pressed`,
      );
    }
    return counts;
  }

  /** Delete the vote's slots (inside the closing transaction; secure_delete zeroes them). */
  deleteSlots(voteId: number): void {
    deleteBoxes(this.db, voteId);
  }

  /**
   * Once the close has committed: zero the key in memory, then destroy its file (zeros, fsync,
   * unlink, fsync).
   */
  destroyKey(keyId: string): void {
    this.drop();
    this.ballotKeys.destroy(keyId);
  }

  private boxes(voteId: number): { slot: number; box: Buffer }[] {
    return readBoxes(this.db, voteId);
  }

  /** A ballot's box content: the option's index in the profile fixed at opening, or invalid. */
  private contentOf(profile: Profile, option: string): BoxContent {
    if (option === INVALID) return { kind: 'invalid' };
    const index = profile.optionSet.options.findIndex((o) => o.key === option);
    if (index < 0) throw new Error(`option ${option} is not in profile ${profile.id}`);
    return { kind: 'option', index };
  }

  /**
   * A vote left open by version 1 (plaintext counters, no key): put its counted ballots into
   * slots (randomly placed, one per member seat) under a new key, and delete its counters, in
   * one transaction; from here on it runs like any other vote. What version 1's files already
   * showed cannot be taken back; nothing more is added.
   */
  private adoptLegacyVote(row: VoteRow, profile: Profile): string {
    const counted = legacyCounts(this.db, row.vote_id);
    const slots = voteSeatCount(this.db, row.vote_id);
    const contents: BoxContent[] = [];
    for (const c of counted) {
      const content = this.contentOf(profile, c.option);
      for (let i = 0; i < c.n; i++) contents.push(content);
    }
    if (contents.length > slots) throw new Error(`vote ${row.vote_id}: more ballots than seats`);
    while (contents.length < slots) contents.push(EMPTY);
    for (let i = contents.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [contents[i], contents[j]] = [contents[j]!, contents[i]!];
    }
    const { keyId, key } = this.ballotKeys.create();
    try {
      this.db.transaction(() => {
        setBallotKeyId(this.db, row.vote_id, keyId);
        insertBoxes(
          this.db,
          row.vote_id,
          contents.map((c, slot) => sealBox(key, row.vote_id, slot, c)),
        );
        deleteCounts(this.db, row.vote_id);
      })();
    } catch (err) {
      this.ballotKeys.destroy(keyId);
      throw err;
    } finally {
      key.fill(0);
    }
    this.log.warn(
      { voteId: row.vote_id },
      'a vote left open by the previous version: its counters were moved into encrypted ballot slots',
    );
    return keyId;
  }
}

/** A new vote's slots: `n` encrypted "empty" boxes, every one the same length. */
function* emptyBoxes(key: Buffer, voteId: number, n: number): Generator<Buffer> {
  for (let i = 0; i < n; i++) yield sealBox(key, voteId, i, EMPTY);
}
