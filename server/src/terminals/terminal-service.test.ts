import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/open-db';
import { PAIRING_TTL_MS, TerminalService, type TerminalHallView } from './terminal-service';

function service() {
  let now = new Date('2026-11-26T09:00:00Z');
  const db = openDb(mkdtempSync(path.join(tmpdir(), 'hall-terminals-')));
  /** A hall of two member seats: A-1 张三, A-2 李四; sitting 1; nobody present, no vote. */
  const hall = {
    vote: false,
    session: 1 as number | null,
    present: new Set<string>(),
    occupants: new Map([
      ['A-1', { memberId: 'm1', name: '张三', role: 'member' as const }],
      ['A-2', { memberId: 'm2', name: '李四', role: 'member' as const }],
    ]),
  };
  const view: TerminalHallView = {
    seats: () => ['A-1', 'A-2'],
    voteOpen: () => hall.vote,
    sessionId: () => hall.session,
    occupant: (seat) => hall.occupants.get(seat) ?? null,
    isPresent: (m) => hall.present.has(m),
  };
  const terminals = new TerminalService(db, view, () => now);
  const paired = (seat: string) => terminals.pair(terminals.createPairing(seat).code);
  return {
    db,
    hall,
    terminals,
    paired,
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}

describe('TerminalService', () => {
  it('pairs a terminal to a seat with a one-time code; its credential is pending', () => {
    const { terminals } = service();
    const { code, seat } = terminals.createPairing('A-2');
    expect(code).toMatch(/^\d{6}$/);
    const paired = terminals.pair(code);
    expect(paired.seat).toBe(seat);
    expect(paired.credential).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(terminals.authenticate(paired.credential)).toEqual({
      terminalId: paired.terminalId,
      seat: 'A-2',
      state: 'pending',
      memberId: null,
    });
    expect(() => terminals.pair(code)).toThrow(
      expect.objectContaining({ code: 'BAD_PAIRING_CODE' }),
    );
  });

  it('refuses unknown seats, expired codes, forged and revoked credentials', () => {
    const { terminals, advance } = service();
    expect(() => terminals.createPairing('Z-9')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_SEAT' }),
    );
    const late = terminals.createPairing('A-1');
    advance(PAIRING_TTL_MS);
    expect(() => terminals.pair(late.code)).toThrow(
      expect.objectContaining({ code: 'BAD_PAIRING_CODE' }),
    );
    const ok = terminals.pair(terminals.createPairing('A-1').code);
    expect(terminals.authenticate('x'.repeat(43))).toBeNull();
    const last = ok.credential.at(-1) === 'A' ? 'B' : 'A';
    expect(terminals.authenticate(`${ok.credential.slice(0, -1)}${last}`)).toBeNull();
    expect(terminals.authenticate(undefined)).toBeNull();
    terminals.revoke(ok.terminalId);
    expect(terminals.authenticate(ok.credential)).toBeNull();
    expect(() => terminals.revoke(ok.terminalId)).toThrow(
      expect.objectContaining({ code: 'TERMINAL_NOT_FOUND' }),
    );
    expect(terminals.list()[0]!.revokedAt).not.toBeNull();
  });

  it('a new code for a seat ends the previous one, and stores only hashes', () => {
    const { db, terminals } = service();
    const first = terminals.createPairing('A-1');
    terminals.createPairing('A-1');
    expect(() => terminals.pair(first.code)).toThrow(
      expect.objectContaining({ code: 'BAD_PAIRING_CODE' }),
    );
    const ok = terminals.pair(terminals.createPairing('A-1').code);
    const stored = JSON.stringify(db.prepare('SELECT * FROM terminals').all());
    expect(stored).not.toContain(ok.credential);
  });

  it('the chair confirms only for a member who is present, in a sitting', () => {
    const { hall, terminals, paired } = service();
    const t = paired('A-1');
    expect(() => terminals.confirm(t.terminalId)).toThrow(
      expect.objectContaining({ code: 'MEMBER_NOT_PRESENT', statusCode: 409 }),
    );
    expect(terminals.forChair()).toEqual([
      expect.objectContaining({ seat: 'A-1', name: '张三', state: 'pending', present: false }),
    ]);
    hall.present.add('m1');
    hall.session = null;
    expect(() => terminals.confirm(t.terminalId)).toThrow(
      expect.objectContaining({ code: 'NO_SESSION' }),
    );
    hall.session = 1;
    expect(terminals.confirm(t.terminalId)).toEqual({
      terminalId: t.terminalId,
      seat: 'A-1',
      replaced: [],
    });
    expect(terminals.authenticate(t.credential)).toMatchObject({
      state: 'confirmed',
      memberId: 'm1',
    });
    expect(() => terminals.confirm(t.terminalId)).toThrow(
      expect.objectContaining({ code: 'TERMINAL_CONFIRMED' }),
    );
    expect(terminals.terminalSeats()).toEqual(['A-1']);
  });

  it('the chair rejects a pending terminal: its credential ends', () => {
    const { terminals, paired } = service();
    const t = paired('A-2');
    terminals.reject(t.terminalId);
    expect(terminals.authenticate(t.credential)).toBeNull();
    expect(terminals.list()[0]).toMatchObject({ state: 'ended', endReason: 'rejected' });
  });

  it('codes, redeeming and confirming are refused while a vote is open', () => {
    const { hall, terminals, paired } = service();
    const pending = paired('A-1');
    const code = terminals.createPairing('A-2').code;
    hall.present.add('m1');
    hall.vote = true;
    const voteOpen = expect.objectContaining({ code: 'VOTE_OPEN', statusCode: 409 });
    expect(() => terminals.createPairing('A-1')).toThrow(voteOpen);
    expect(() => terminals.pair(code)).toThrow(voteOpen);
    expect(() => terminals.confirm(pending.terminalId)).toThrow(voteOpen);
    hall.vote = false;
    expect(terminals.pair(code).seat).toBe('A-2'); // the code was not used up by the refusal
    expect(terminals.confirm(pending.terminalId).seat).toBe('A-1');
  });

  it('one live terminal a seat: confirming a second ends the first', () => {
    const { hall, terminals, paired } = service();
    hall.present.add('m1');
    const first = paired('A-1');
    terminals.confirm(first.terminalId);
    const second = paired('A-1');
    expect(terminals.confirm(second.terminalId).replaced).toEqual([first.terminalId]);
    expect(terminals.authenticate(first.credential)).toBeNull();
    expect(terminals.authenticate(second.credential)?.state).toBe('confirmed');
    expect(terminals.list().map((t) => [t.terminalId, t.state, t.endReason])).toEqual([
      [first.terminalId, 'ended', 'replaced'],
      [second.terminalId, 'confirmed', null],
    ]);
  });

  it('a confirmed terminal ends with its sitting, and when its seat changes hands', () => {
    const { hall, terminals, paired } = service();
    hall.present.add('m1').add('m2');
    const a = paired('A-1');
    const b = paired('A-2');
    terminals.confirm(a.terminalId);
    terminals.confirm(b.terminalId);
    hall.occupants.set('A-2', { memberId: 'm9', name: '王五', role: 'member' });
    expect(terminals.authenticate(b.credential)).toBeNull();
    hall.session = 2;
    expect(terminals.current(a.terminalId)).toBeNull();
    expect(terminals.list().map((t) => t.endReason)).toEqual(['sitting-ended', 'seat-changed']);
  });

  it('an older data directory gets the new columns; its terminals stay pending', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hall-terminals-old-'));
    // The file as an older version left it (user_version 0); openDb's baseline migration adds
    // the columns.
    const old = new Database(path.join(dir, 'hall.db'));
    old.exec(`CREATE TABLE terminals (terminal_id INTEGER PRIMARY KEY, seat TEXT NOT NULL,
      credential_hash TEXT NOT NULL UNIQUE, paired_at TEXT NOT NULL, revoked_at TEXT);
      INSERT INTO terminals (seat, credential_hash, paired_at) VALUES ('A-1', 'ab', 'x');`);
    old.close();
    const db = openDb(dir);
    const view: TerminalHallView = {
      seats: () => ['A-1'],
      voteOpen: () => false,
      sessionId: () => 1,
      occupant: () => null,
      isPresent: () => false,
    };
    expect(new TerminalService(db, view).list()).toEqual([
      expect.objectContaining({ seat: 'A-1', state: 'pending', confirmedAt: null }),
    ]);
  });
});
