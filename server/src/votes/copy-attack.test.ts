import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../db/open-db';
import { encodeCount } from '../db/schema';
import {
  attack,
  copyDir,
  Features,
  observe,
  rng,
  shuffle,
  type Sample,
} from '../../test-support/copy-attacker';
import { hallFixture, MEMBER_SEATS, type HallFixture } from '../../test-support/hall-fixture';

/**
 * The repeated-copy attack (DOMAIN.md "Secrecy is a hard requirement", server/SECRECY.md): an
 * attacker copies EVERYTHING under the data directory after every commit, and also in the middle
 * of every press transaction (the moment the rollback journal holds the before-images), and knows
 * which seat pressed in each commit (the gallery sees hands; allowed). Each press is its own
 * commit: a lone press in a quiet hall, the worst case for group commit.
 *
 * The attacker is generic: for each press, the features are what changed between consecutive
 * copies: (file, byte offset) and (file, byte offset, new byte value), a file that appears or goes
 * away included. A naive Bayes classifier is trained on presses with known choices and tested on
 * held-out presses. With three options chance is 1/3.
 *
 * The attacker itself (copies, features, classifier) is server/test-support/copy-attacker.ts.
 */

const KEYS: Record<string, number> = { satisfied: 1, 'basically-satisfied': 2, unsatisfied: 3 };
const OPTIONS = Object.keys(KEYS);
const VOTES = 6;

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

describe('the repeated-copy attack on the data directory', () => {
  it('learns nothing of lone presses from a copy after every commit and inside every commit', async () => {
    const f: HallFixture = await hallFixture();
    cleanup.push(() => f.close());
    const r = rng(2026);
    f.hall.startSession('第十四届常委会第十次会议');
    f.hall.openCheckin();
    for (const seat of MEMBER_SEATS) f.press(seat, [1]);
    f.flush();
    f.hall.closeCheckin();

    // A copy in the middle of the press transaction: the journal holds the before-images then.
    const votes = f.hall.votes;
    const recordBallot = votes.recordBallot.bind(votes);
    let mid: (() => void) | null = null;
    votes.recordBallot = (seat, memberId, option) => {
      recordBallot(seat, memberId, option);
      mid?.();
    };

    const features = new Features();
    const samples: Sample[] = [];
    let sawJournal = 0;
    for (let v = 1; v <= VOTES; v++) {
      const voteId = votes.open({ title: `第${v}项报告`, profile: 'anhui-2013' });
      const keyFiles = readdirSync(f.keyDir).filter((n) => n.startsWith('ballot-'));
      expect(keyFiles).toHaveLength(1);
      const key = readFileSync(path.join(f.keyDir, keyFiles[0]!));
      const presses = shuffle(MEMBER_SEATS, r).map((seat) => ({
        seat,
        choice: OPTIONS[Math.floor(r() * OPTIONS.length)]!,
      }));
      const seen = observe(
        f.dir,
        presses,
        (seat, choice, m) => {
          mid = () => {
            m();
            if (existsSync(path.join(f.dir, 'hall.db-journal'))) sawJournal++;
          };
          f.press(seat, [KEYS[choice]!]);
          f.flush();
          mid = null;
          expect(f.lamp(seat)).toBe('registered');
        },
        features,
      );
      samples.push(...seen);
      // The key is never under the data directory, not in any file, not in any copy.
      for (const [name, bytes] of copyDir(f.dir)) {
        expect(bytes.indexOf(key), `ballot key inside ${name}`).toBe(-1);
      }
      votes.close();
      votes.announce();
      // After close: no key file, no slot of this vote, nothing that could open a ballot.
      expect(readdirSync(f.keyDir).filter((n) => n.startsWith('ballot-'))).toEqual([]);
      expect(
        f.hall.db.prepare('SELECT count(*) AS n FROM vote_ballots WHERE vote_id = ?').get(voteId),
      ).toEqual({ n: 0 });
    }
    expect(sawJournal).toBeGreaterThan(0); // the in-transaction copies did catch the journal
    const { accuracy, heldOut } = attack(samples);
    console.info(`copy attack on the hall: ${heldOut} held-out presses, accuracy ${accuracy}`);
    expect(heldOut).toBeGreaterThanOrEqual(150);
    expect(accuracy).toBeLessThan(0.5);
  }, 180_000);

  it('is not a blind attacker: against plaintext counters (the old design) it reads every press', () => {
    // The same settings and the same tables as the hall, written the way version 1 did: a
    // press commits `vote_seats.pressed` 0 → 1 together with its option's counter + 1.
    const dir = mkdtempSync(path.join(tmpdir(), 'hall-counters-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const db = openDb(dir);
    cleanup.push(() => {
      db.close();
    });
    const r = rng(99);
    const features = new Features();
    const samples: Sample[] = [];
    for (let v = 1; v <= 3; v++) {
      db.transaction(() => {
        db.prepare(
          `INSERT INTO votes (vote_id, session_id, title, profile_json, tag, members, state,
             opened_at) VALUES (?, 1, 't', '{}', ?, 60, 'open', 'x')`,
        ).run(v, v);
        for (const s of [...MEMBER_SEATS].sort())
          db.prepare('INSERT INTO vote_seats VALUES (?, ?, 0)').run(v, s);
        for (const o of [...OPTIONS, 'invalid'].sort())
          db.prepare('INSERT INTO vote_counts VALUES (?, ?, ?)').run(v, o, encodeCount(0));
      })();
      const counts = new Map(OPTIONS.map((o) => [o, 0]));
      const presses = shuffle(MEMBER_SEATS, r).map((seat) => ({
        seat,
        choice: OPTIONS[Math.floor(r() * OPTIONS.length)]!,
      }));
      samples.push(
        ...observe(
          dir,
          presses,
          (seat, choice, mid) => {
            db.transaction(() => {
              db.prepare('UPDATE vote_seats SET pressed = 1 WHERE vote_id = ? AND seat = ?').run(
                v,
                seat,
              );
              counts.set(choice, counts.get(choice)! + 1);
              db.prepare('UPDATE vote_counts SET n = ? WHERE vote_id = ? AND option = ?').run(
                encodeCount(counts.get(choice)!),
                v,
                choice,
              );
              mid();
            })();
          },
          features,
        ),
      );
    }
    const { accuracy } = attack(samples);
    console.info(`copy attack on plaintext counters: accuracy ${accuracy}`);
    expect(accuracy).toBeGreaterThan(0.8); // chance is 1/3
  });
});
