import { generateKeyPairSync } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hallFixture, type HallFixture } from '../../test-support/hall-fixture';
import { KEY_FILE, loadOrCreateKey, moveLegacySigningKey, publicKeyBase64 } from './keys';
import { createPublicKey } from 'node:crypto';
import { captureLog } from '../../test-support/capture-log';

const dirs: string[] = [];
const fixtures: HallFixture[] = [];
afterEach(async () => {
  for (const f of fixtures.splice(0)) await f.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'hall-keys-'));
  dirs.push(d, `${d}-keys`);
  return d;
}

function pem(): { pem: string; publicKey: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    pem: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
    publicKey: publicKeyBase64(createPublicKey(privateKey)),
  };
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

const MOVED = /moved the record-signing key out of the data directory/;

describe('the record-signing key lives in HALL_KEY_DIR', () => {
  it('moves a key an earlier version left in the data directory, once, and logs it', async () => {
    const dir = tempDir();
    const old = pem();
    writeFileSync(path.join(dir, KEY_FILE), old.pem, { mode: 0o600 });
    const first = captureLog();
    const f = await hallFixture({ dir, ownSigningKey: true, log: first.log });
    fixtures.push(f);
    // The same key signs (records sealed before the move still verify), now from the key dir.
    expect(f.hall.records.publicKey).toBe(old.publicKey);
    const moved = path.join(f.keyDir, KEY_FILE);
    expect(readFileSync(moved, 'utf8')).toBe(old.pem);
    expect(statSync(moved).mode & 0o777).toBe(0o600);
    expect(statSync(f.keyDir).mode & 0o777).toBe(0o700);
    expect(first.lines.filter((l) => MOVED.test(l.msg))).toEqual([
      expect.objectContaining({
        level: 30,
        from: path.join(dir, KEY_FILE),
        to: moved,
      }),
    ]);
    // Nothing under the data directory holds a key, by name or by content.
    const body = old.pem.split('\n')[1]!;
    for (const file of filesUnder(dir)) {
      expect(path.basename(file)).not.toMatch(/key|pem/i);
      const text = readFileSync(file).toString('latin1');
      expect(text, file).not.toContain('PRIVATE KEY');
      expect(text, file).not.toContain(body);
    }

    // A restart finds it in the key dir and moves nothing again.
    await f.hall.stop();
    fixtures.pop();
    const second = captureLog();
    const g = await hallFixture({ dir, ownSigningKey: true, log: second.log });
    fixtures.push(g);
    expect(g.hall.records.publicKey).toBe(old.publicKey);
    expect(second.lines.some((l) => MOVED.test(l.msg))).toBe(false);
    expect(existsSync(path.join(dir, KEY_FILE))).toBe(false);
  });

  it('makes a new key in the key directory, never in the data directory', async () => {
    const dir = tempDir();
    const f = await hallFixture({ dir, ownSigningKey: true });
    fixtures.push(f);
    expect(existsSync(path.join(f.keyDir, KEY_FILE))).toBe(true);
    expect(filesUnder(dir).map((p) => path.basename(p))).toEqual(['hall.db']);
  });

  it('finishes a move a crash interrupted, and refuses two different keys', () => {
    const dataDir = tempDir();
    const keyDir = `${dataDir}-keys`;
    const k = pem();
    const log = { info: (_o: object, _m: string) => {} };
    // Crash after the copy, before the removal: two equal copies; the data dir's goes.
    loadOrCreateKey(keyDir); // makes a key...
    writeFileSync(path.join(keyDir, KEY_FILE), k.pem); // ...here it is the moved one
    writeFileSync(path.join(dataDir, KEY_FILE), k.pem);
    moveLegacySigningKey(dataDir, keyDir, log);
    expect(existsSync(path.join(dataDir, KEY_FILE))).toBe(false);
    expect(loadOrCreateKey(keyDir).publicKey).toBe(k.publicKey);
    // Two different keys: a person decides which one the hall signs with.
    writeFileSync(path.join(dataDir, KEY_FILE), pem().pem);
    expect(() => moveLegacySigningKey(dataDir, keyDir, log)).toThrow(/differs from/);
    expect(existsSync(path.join(dataDir, KEY_FILE))).toBe(true);
  });
});
