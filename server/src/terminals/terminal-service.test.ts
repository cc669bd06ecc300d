import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/open-db';
import { PAIRING_TTL_MS, TerminalService } from './terminal-service';

function service() {
  let now = new Date('2026-11-26T09:00:00Z');
  const db = openDb(mkdtempSync(path.join(tmpdir(), 'hall-terminals-')));
  const terminals = new TerminalService(
    db,
    () => ['A-1', 'A-2'],
    () => now,
  );
  return { db, terminals, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('TerminalService', () => {
  it('pairs a terminal to a seat with a one-time code and authenticates its credential', () => {
    const { terminals } = service();
    const { code, seat } = terminals.createPairing('A-2');
    expect(code).toMatch(/^\d{6}$/);
    const paired = terminals.pair(code);
    expect(paired.seat).toBe(seat);
    expect(paired.credential).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(terminals.authenticate(paired.credential)).toEqual({
      terminalId: paired.terminalId,
      seat: 'A-2',
    });
    expect(() => terminals.pair(code)).toThrow(/pairing code is wrong or has expired/);
  });

  it('refuses unknown seats, expired codes, forged and revoked credentials', () => {
    const { terminals, advance } = service();
    expect(() => terminals.createPairing('Z-9')).toThrow(/seat Z-9 is not a seat of this hall/);
    const late = terminals.createPairing('A-1');
    advance(PAIRING_TTL_MS);
    expect(() => terminals.pair(late.code)).toThrow(/expired/);
    const ok = terminals.pair(terminals.createPairing('A-1').code);
    expect(terminals.authenticate('x'.repeat(43))).toBeNull();
    const last = ok.credential.at(-1) === 'A' ? 'B' : 'A';
    expect(terminals.authenticate(`${ok.credential.slice(0, -1)}${last}`)).toBeNull();
    expect(terminals.authenticate(undefined)).toBeNull();
    terminals.revoke(ok.terminalId);
    expect(terminals.authenticate(ok.credential)).toBeNull();
    expect(() => terminals.revoke(ok.terminalId)).toThrow(/no paired terminal/);
    expect(terminals.list()[0]!.revokedAt).not.toBeNull();
  });

  it('a new code for a seat ends the previous one, and stores only hashes', () => {
    const { db, terminals } = service();
    const first = terminals.createPairing('A-1');
    terminals.createPairing('A-1');
    expect(() => terminals.pair(first.code)).toThrow(/wrong or has expired/);
    const ok = terminals.pair(terminals.createPairing('A-1').code);
    const stored = JSON.stringify(db.prepare('SELECT * FROM terminals').all());
    expect(stored).not.toContain(ok.credential);
  });
});
