import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import type { SealedRecord } from '@hall/shared';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { NEWEST_VERSION } from '../../server/src/db/migrations';
import { canonicalHash } from '../../server/src/records/canonical';
import { hallCli } from '../support/hall-cli';
import { freePort, startHallServer, tempDataDir, type HallServer } from '../support/hall-server';
import { REPO_ROOT } from '../support/paths';

/**
 * The upgrade path (issue 12): a data directory written by dba4acc, before schema versions were
 * kept (server/test-fixtures/upgrade-dba4acc, its README says how it was made: 2 announced
 * records, vote 3 left open with 52 seats pressed), is opened by this version through `npm start`
 * and keeps verifying; and a database newer than this program is refused, not a byte changed.
 */
const FIXTURE = path.join(REPO_ROOT, 'server/test-fixtures/upgrade-dba4acc');
const TOKEN = 'fixture-token';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A private copy of the fixture (directories 0700, files 0600: the hall refuses open ones). */
function copyFixture(): { base: string; data: string; keys: string } {
  const base = tempDataDir('hall-upgrade-');
  temps.push(base);
  const copy = (from: string, to: string) => {
    mkdirSync(to, { mode: 0o700 });
    chmodSync(to, 0o700);
    for (const name of readdirSync(from)) {
      copyFileSync(path.join(from, name), path.join(to, name));
      chmodSync(path.join(to, name), 0o600);
    }
  };
  const data = path.join(base, 'data');
  const keys = path.join(base, 'keys');
  copy(path.join(FIXTURE, 'data'), data);
  copy(path.join(FIXTURE, 'keys'), keys);
  return { base, data, keys };
}

const userVersion = (file: string): number => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};

describe('a data directory written by dba4acc', () => {
  let server: HallServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it('is opened by this version: the old chain verifies, the open vote closes onto it', async () => {
    onTestFailed(() => console.error(server?.output()));
    const { base, data, keys } = copyFixture();
    const dbFile = path.join(data, 'hall.db');
    expect(userVersion(dbFile)).toBe(0);
    server = await startHallServer({
      dataDir: data,
      port: await freePort(),
      env: { HALL_KEY_DIR: keys, HALL_OPERATOR_TOKEN: TOKEN },
    });
    const env = { HALL_PORT: String(server.port), HALL_OPERATOR_TOKEN: TOKEN };
    const cli = async (args: string[]) => {
      const r = await hallCli([...args, '--json'], env);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.code, args.join(' ')).toBe(0);
      return JSON.parse(r.stdout) as Record<string, unknown>;
    };

    // The old chain, as dba4acc sealed it, verifies under the hall's (unchanged) key.
    const { publicKey } = (await cli(['key', 'show'])) as { publicKey: string };
    const oldFile = path.join(base, 'old.json');
    expect(await cli(['record', 'export', '--all', '--out', oldFile])).toEqual({
      file: oldFile,
      records: 2,
    });
    const old = JSON.parse(readFileSync(oldFile, 'utf8')) as SealedRecord[];
    expect(old.map((r) => [r.seq, r.voteId])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    for (const r of old) expect(r.signature.publicKey).toBe(publicKey);
    expect(await cli(['record', 'verify', oldFile, '--public-key', publicKey])).toMatchObject({
      valid: true,
      records: 2,
    });

    // The vote it left open is open still, with every ballot it had.
    expect(await cli(['vote', 'status'])).toMatchObject({ voteId: 3, state: 'open', pressed: 52 });
    const closed = (await cli(['vote', 'close'])) as {
      voteId: number;
      valid: number;
      invalid: number;
    };
    expect(closed.voteId).toBe(3);
    expect(closed.valid + closed.invalid).toBe(52);
    expect(await cli(['vote', 'announce'])).toMatchObject({ voteId: 3 });

    // The new record continues the chain: seq 3, prevHash = the old head.
    const allFile = path.join(base, 'all.json');
    expect(await cli(['record', 'export', '--all', '--out', allFile])).toEqual({
      file: allFile,
      records: 3,
    });
    const all = JSON.parse(readFileSync(allFile, 'utf8')) as SealedRecord[];
    expect(all.slice(0, 2)).toEqual(old);
    expect(all[2]).toMatchObject({ seq: 3, voteId: 3, prevHash: canonicalHash(old[1]) });
    expect(await cli(['record', 'verify', allFile, '--public-key', publicKey])).toMatchObject({
      valid: true,
      records: 3,
    });

    await server.stop();
    server = undefined;
    expect(userVersion(dbFile)).toBe(NEWEST_VERSION);
  }, 300_000);
});

describe('a database newer than this program', () => {
  it('is refused at start (stderr, exit 1) and left exactly as it was', async () => {
    const { data, keys } = copyFixture();
    const dbFile = path.join(data, 'hall.db');
    const raw = new Database(dbFile);
    raw.pragma(`user_version = ${NEWEST_VERSION + 1}`);
    raw.close();
    const sha = () => createHash('sha256').update(readFileSync(dbFile)).digest('hex');
    const before = { sha: sha(), mtime: statSync(dbFile).mtimeMs, files: readdirSync(data) };
    const port = String(await freePort());

    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
      (resolve) => {
        const child = spawn('npm', ['start', '--silent'], {
          cwd: REPO_ROOT,
          env: {
            ...process.env,
            HALL_DATA_DIR: data,
            HALL_KEY_DIR: keys,
            HALL_PORT: port,
            HALL_HOST: '127.0.0.1',
            HALL_OPERATOR_TOKEN: TOKEN,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      },
    );
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stderr).toContain(
      `数据库版本 ${NEWEST_VERSION + 1} 比本程序支持的 ${NEWEST_VERSION} 新：请使用更新版本的程序，数据库未作任何改动 / the database is schema version ${NEWEST_VERSION + 1}, newer than this program's ${NEWEST_VERSION}: run a newer version; the database was not touched`,
    );
    expect({ sha: sha(), mtime: statSync(dbFile).mtimeMs, files: readdirSync(data) }).toEqual(
      before,
    );
    expect(userVersion(dbFile)).toBe(NEWEST_VERSION + 1);
  }, 120_000);
});
