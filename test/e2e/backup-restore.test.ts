import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { hallCli } from '../support/hall-cli';
import { api, freePort, login, startHallServer, type HallServer } from '../support/hall-server';

/**
 * Backup and restore (issue 12 "Operations") against real `npm start` processes: a backup taken
 * while a vote is open, the server killed, the backup restored offline into a new data
 * directory, and a new server on it with the ORIGINAL key directory: the open vote continues
 * with its presses from before the backup, closes, is announced, and the whole chain verifies
 * under the hall's published key.
 */
const TOKEN = 'backup-e2e-operator-token';
const root = mkdtempSync(path.join(tmpdir(), 'hall-backup-e2e-'));
const keyDir = path.join(root, 'keys');
const servers: HallServer[] = [];

afterAll(async () => {
  for (const s of servers) await s.kill();
  rmSync(root, { recursive: true, force: true });
});

async function start(
  dataDir: string,
): Promise<{ server: HallServer; tech: string; env: Record<string, string> }> {
  const server = await startHallServer({
    dataDir,
    port: await freePort(),
    // The demo hall; nobody presses but the test (HALL_DEMO_AUTOPRESS off).
    env: { HALL_OPERATOR_TOKEN: TOKEN, HALL_KEY_DIR: keyDir, HALL_DEMO_AUTOPRESS: '' },
  });
  servers.push(server);
  const tech = await login(server, 'technician', 'technician-demo');
  return { server, tech, env: { HALL_PORT: String(server.port), HALL_OPERATOR_TOKEN: TOKEN } };
}

describe('backup while a vote is open, restore into a new data directory', () => {
  it('continues the open vote on the restored hall, with the presses from before the backup', async () => {
    let hall = await start(path.join(root, 'data'));
    onTestFailed(() => console.error(servers.map((s) => s.output()).join('\n---\n')));
    const cli = async (args: string[], env = hall.env) => {
      const r = await hallCli([...args, '--json'], env);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.code, args.join(' ')).toBe(0);
      return JSON.parse(r.stdout) as Record<string, unknown>;
    };
    const press = async (seat: string, keys: number[]) => {
      const r = await api<{ lamp: string }>(hall.server, 'POST', '/api/demo/press', hall.tech, {
        seat,
        keys,
      });
      expect(r.body.lamp, seat).toBe('registered');
    };
    const roster = await api<{ entries: { role: string; seat: string | null }[] }>(
      hall.server,
      'GET',
      '/api/roster',
      TOKEN,
    );
    const seats = roster.body.entries
      .filter((e) => e.role === 'member' && e.seat)
      .map((e) => e.seat!);
    expect(seats.length).toBe(60);

    await cli(['session', 'start', '--title', '第十四届常委会第十二次会议']);
    await cli(['checkin', 'open']);
    for (const seat of seats) await press(seat, [1]);
    expect(await cli(['checkin', 'close'])).toMatchObject({ members: 60, present: 60 });
    // One evaluation announced (a sealed record) …
    await cli([
      'vote',
      'open',
      '--title',
      '关于全省生态环境保护工作情况的报告',
      '--profile',
      'anhui-2013',
    ]);
    for (const seat of seats) await press(seat, [1]);
    await cli(['vote', 'close']);
    await cli(['vote', 'announce']);
    // … and a second one open: 20 seats have pressed (10 满意, 10 不满意) when the backup is taken.
    const { voteId } = await cli([
      'vote',
      'open',
      '--title',
      '关于全省法院执行工作情况的报告',
      '--profile',
      'anhui-2013',
    ]);
    for (const [i, seat] of seats.slice(0, 20).entries()) await press(seat, [i < 10 ? 1 : 3]);
    expect(await cli(['vote', 'status'])).toMatchObject({ voteId, state: 'open', pressed: 20 });
    const { publicKey } = await cli(['key', 'show']);

    const backupDir = path.join(root, 'backup');
    const backup = await cli(['backup', '--out', backupDir]);
    const files = [path.join(backupDir, 'hall.db'), path.join(backupDir, 'backup.json')];
    expect(backup).toEqual({ files });
    const manifest = JSON.parse(readFileSync(files[1]!, 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ records: 1, lastSeq: 1, openVote: voteId, publicKey });

    // The hall machine dies; the backup is restored offline into a new data directory.
    await hall.server.kill();
    const newData = path.join(root, 'restored-data');
    expect(await cli(['restore', backupDir, '--data-dir', newData], {})).toEqual({
      dataDir: newData,
      records: 1,
      valid: true,
      openVote: voteId,
    });

    // A server on the restored data directory with the original key directory.
    hall = await start(newData);
    expect(await cli(['vote', 'status'])).toMatchObject({ voteId, state: 'open', pressed: 20 });
    for (const seat of seats.slice(20, 40)) await press(seat, [2]);
    expect(await cli(['vote', 'status'])).toMatchObject({ voteId, pressed: 40 });
    const closed = await cli(['vote', 'close']);
    expect(closed).toMatchObject({
      voteId,
      members: 60,
      present: 60,
      counts: { satisfied: 10, 'basically-satisfied': 20, unsatisfied: 10 },
      notVoted: 20,
    });
    await cli(['vote', 'announce']);

    expect(await cli(['key', 'show'])).toEqual({ publicKey });
    const exported = path.join(root, 'records.json');
    expect(await cli(['record', 'export', '--all', '--out', exported])).toEqual({
      file: exported,
      records: 2,
    });
    expect(
      await cli(['record', 'verify', exported, '--public-key', publicKey as string], {}),
    ).toMatchObject({ valid: true, records: 2, chain: true, signerPinned: true });
  }, 600_000);
});
