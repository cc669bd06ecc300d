import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { OPERATOR_TOKEN } from '../../../test-support/app-fixture';
import { listeningApp } from '../../../test-support/listening-app';
import type { CliIo } from '../io';
import { runHall } from '../run';

/** `backup` against a listening app and `restore` offline, in process (issue 12). */
const live = listeningApp();
const root = mkdtempSync(path.join(tmpdir(), 'hall-backup-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function hall(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { HALL_OPERATOR_TOKEN: OPERATOR_TOKEN, ...env },
    cwd: root,
  };
  const code = await runHall(argv, io);
  return { code, stdout, stderr };
}
const backup = (out: string, env?: Record<string, string>) =>
  hall(['backup', '--out', out, '--server', live.base, '--json'], env);
const mode = (p: string) => statSync(p).mode & 0o777;

/** One announced vote, so the backup holds a sealed record. */
async function announceOne() {
  const { f } = live;
  const op = f.auth('operator');
  const post = (url: string, payload?: object, headers = op) =>
    f.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
  await post('/api/sessions', { title: '会议' });
  for (let i = 1; i <= 35; i++) {
    await post('/api/attendance/mark', {
      memberId: `M${String(i).padStart(3, '0')}`,
      present: true,
    });
  }
  await post('/api/votes', { title: '报告', profile: 'anhui-2013' });
  for (let i = 1; i <= 31; i++) {
    await post('/api/demo/press', { seat: `A-${i}`, keys: [1] }, f.auth('technician'));
  }
  await post('/api/votes/latest/close');
  expect((await post('/api/votes/latest/announce')).statusCode).toBe(200);
}

describe('hall backup', () => {
  it('writes hall.db and backup.json (0600) into a new 0700 directory and prints their paths', async () => {
    await announceOne();
    const out = path.join(root, 'b1', 'nested');
    const r = await backup(out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const files = [path.join(out, 'hall.db'), path.join(out, 'backup.json')];
    expect(JSON.parse(r.stdout)).toEqual({ files });
    expect(mode(out)).toBe(0o700);
    for (const file of files) expect(mode(file)).toBe(0o600);
    const m = JSON.parse(readFileSync(files[1]!, 'utf8')) as Record<string, unknown>;
    expect(m).toMatchObject({ format: 'hall-backup', records: 1, lastSeq: 1, openVote: null });
    const db = new Database(files[0]!, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM records').get()).toEqual({ n: 1 });
    db.close();
  });

  it('writes into an existing empty directory, refuses a non-empty one', async () => {
    const empty = path.join(root, 'empty');
    mkdirSync(empty);
    expect((await backup(empty)).code).toBe(0);
    const again = await backup(empty);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/不是空目录.* \/ .*is not empty/);
  });

  it('is refused without the right token (and leaves no directory), a usage error without --out', async () => {
    const out = path.join(root, 'refused');
    const r = await backup(out, { HALL_OPERATOR_TOKEN: 'wrong' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(() => statSync(out)).toThrow();
    expect((await hall(['backup', '--json'])).code).toBe(2);
    expect((await hall(['backup', 'x', '--out', out])).code).toBe(2);
  });
});

describe('hall restore', () => {
  it('restores into a new data directory and verifies the chain', async () => {
    const out = path.join(root, 'b2');
    expect((await backup(out)).code).toBe(0);
    const data = path.join(root, 'restored', 'data');
    const r = await hall(['restore', out, '--data-dir', data, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      dataDir: data,
      records: 1,
      valid: true,
      openVote: null,
    });
    expect(mode(data)).toBe(0o700);
    expect(mode(path.join(data, 'hall.db'))).toBe(0o600);
    expect(
      readFileSync(path.join(data, 'hall.db')).equals(readFileSync(path.join(out, 'hall.db'))),
    ).toBe(true);

    // Not over a directory that holds anything (the restored one included).
    const twice = await hall(['restore', out, '--data-dir', data, '--json']);
    expect(twice.code).toBe(1);
    expect(twice.stdout).toBe('');
    expect(twice.stderr).toMatch(/is not empty/);
  });

  it('refuses a damaged copy or manifest, and writes nothing then', async () => {
    const out = path.join(root, 'b3');
    expect((await backup(out)).code).toBe(0);
    const db = readFileSync(path.join(out, 'hall.db'));
    const flipped = Buffer.from(db);
    flipped[200] = flipped[200]! ^ 1;
    writeFileSync(path.join(out, 'hall.db'), flipped);
    const data = path.join(root, 'r3');
    const bad = await hall(['restore', out, '--data-dir', data]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/SHA-256/);
    expect(() => statSync(data)).toThrow();

    writeFileSync(path.join(out, 'hall.db'), db);
    writeFileSync(path.join(out, 'backup.json'), '{"format":"hall-backup"}');
    const badManifest = await hall(['restore', out, '--data-dir', data]);
    expect(badManifest.code).toBe(1);
    expect(badManifest.stderr).toMatch(/not a hall backup manifest/);
    expect(() => statSync(data)).toThrow();
  });

  it('refuses a copy whose records do not verify under the manifest key', async () => {
    const out = path.join(root, 'b4');
    expect((await backup(out)).code).toBe(0);
    const manifestFile = path.join(out, 'backup.json');
    const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as { publicKey: string };
    m.publicKey = Buffer.alloc(32, 7).toString('base64');
    writeFileSync(manifestFile, JSON.stringify(m));
    const data = path.join(root, 'r4');
    const r = await hall(['restore', out, '--data-dir', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/record chain/);
    expect(() => statSync(data)).toThrow();
  });

  it('is a usage error without the backup directory or --data-dir', async () => {
    expect((await hall(['restore', '--data-dir', 'x'])).code).toBe(2);
    expect((await hall(['restore', 'x'])).code).toBe(2);
  });
});
