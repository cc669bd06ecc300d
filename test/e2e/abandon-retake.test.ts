import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SealedRecord } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { hallCli } from '../support/hall-cli';
import {
  api,
  freePort,
  login,
  startHallServer,
  tempDataDir,
  type HallServer,
} from '../support/hall-server';

/**
 * Issue 14 acceptance: "a keypad vote abandoned mid-way and retaken by hand, sealed with
 * `method: "paper"` and verified", against a real `npm start` and the hall CLI (CONTRACT.md §1:
 * `vote abandon`, `vote open --method paper --retake`, `vote counts`, `vote close`, `vote
 * announce`, `record export --all`, `record verify`), with the operator token alone.
 */
const TOKEN = 'e2e-abandon-operator-token';
const REASON = '表决器故障：A 总线通信中断';
const TITLE = '关于全省生态环境保护工作情况的报告';
let server: HallServer;
let tech: string;
let env: Record<string, string>;

beforeAll(async () => {
  server = await startHallServer({
    dataDir: tempDataDir('hall-abandon-e2e-'),
    port: await freePort(),
    env: { HALL_OPERATOR_TOKEN: TOKEN },
  });
  tech = await login(server, 'technician', 'technician-demo');
  env = { HALL_PORT: String(server.port), HALL_OPERATOR_TOKEN: TOKEN };
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (server) {
    rmSync(server.dataDir, { recursive: true, force: true });
    rmSync(`${server.dataDir}-keys`, { recursive: true, force: true });
  }
});

const json = async (args: string[]) => {
  const r = await hallCli([...args, '--json'], env);
  expect(r.stderr, args.join(' ')).toBe('');
  expect(r.code, args.join(' ')).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
};
const refused = async (args: string[], reason: RegExp) => {
  const r = await hallCli([...args, '--json'], env);
  expect(r.code, args.join(' ')).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(reason);
};
const press = async (seat: string, keys: number[]) => {
  const r = await api<{ lamp: string }>(server, 'POST', '/api/demo/press', tech, { seat, keys });
  expect(r.status, seat).toBe(200);
  return r.body.lamp;
};
const seat = (i: number) => (i <= 40 ? `A-${i}` : `W-${i - 40}`); // member M00i
const ballotKeys = () => {
  const dir = `${server.dataDir}-keys`;
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith('ballot-')) : [];
};

describe('a keypad vote abandoned mid-way and retaken by hand (issue 14)', () => {
  it('abandons, retakes on paper, seals with method paper and the retake, verifies', async () => {
    onTestFailed(() => console.error(server?.output()));
    const csv = path.join(server.dataDir, 'roster.csv');
    const lines = ['member_id,name,role,seat'];
    for (let i = 1; i <= 50; i++)
      lines.push(`M${String(i).padStart(3, '0')},委员${i},member,${seat(i)}`);
    writeFileSync(csv, `${lines.join('\n')}\n`);
    expect(await json(['roster', 'import', csv])).toEqual({ members: 50, observers: 0 });
    await json(['session', 'start', '--title', '第十四届常委会第十次会议']);
    await json(['checkin', 'open']);
    for (let i = 1; i <= 40; i++) expect(await press(seat(i), [1])).toBe('registered');
    expect(await json(['checkin', 'close'])).toEqual({ members: 50, present: 40, quorumMet: true });

    // The keypad vote: 12 seats press before the hardware fails.
    const { voteId: first } = await json([
      'vote',
      'open',
      '--title',
      TITLE,
      '--profile',
      'anhui-2013',
    ]);
    expect(ballotKeys()).toHaveLength(1);
    for (let i = 1; i <= 12; i++) expect(await press(seat(i), [1 + (i % 3)])).toBe('registered');
    expect(await json(['vote', 'status'])).toEqual({
      voteId: first,
      state: 'open',
      present: 40,
      pressed: 12,
    });
    await refused(['vote', 'counts', '--counts', 'satisfied=1'], /表决器/);
    expect(await json(['vote', 'abandon', '--reason', REASON])).toMatchObject({
      voteId: first,
      state: 'abandoned',
      reason: REASON,
    });
    expect(ballotKeys()).toEqual([]); // the ballot key is destroyed: the 12 ballots are gone
    expect(await json(['vote', 'status'])).toEqual({
      voteId: first,
      state: 'abandoned',
      present: 0,
      pressed: 12,
    });
    await refused(['vote', 'announce'], /已放弃/);
    expect(await press(seat(13), [1])).toBe('not-accepted'); // no vote open

    // The retake, on paper: the seats are not used.
    const { voteId: second } = await json([
      'vote',
      'open',
      '--title',
      TITLE,
      '--profile',
      'anhui-2013',
      '--method',
      'paper',
      '--retake',
      String(first),
    ]);
    expect(second).toBe((first as number) + 1);
    expect(ballotKeys()).toEqual([]);
    expect(await press(seat(14), [1])).toBe('not-accepted');
    await refused(['vote', 'counts', '--counts', 'satisfied=41'], /多于实到 40 人/);
    expect(
      await json([
        'vote',
        'counts',
        '--counts',
        'satisfied=30,basically-satisfied=6,unsatisfied=2',
        '--invalid',
        '1',
      ]),
    ).toEqual({ voteId: second, pressed: 39 });
    expect(await json(['vote', 'status'])).toEqual({
      voteId: second,
      state: 'open',
      present: 40,
      pressed: 39,
    });
    const closed = await json(['vote', 'close']);
    expect(closed).toMatchObject({
      voteId: second,
      members: 50,
      present: 40,
      valid: 38,
      invalid: 1,
      notVoted: 1,
      outcome: 'satisfied',
      counts: { satisfied: 30, 'basically-satisfied': 6, unsatisfied: 2 },
    });
    expect(await json(['vote', 'announce'])).toMatchObject({ voteId: second });

    const all = path.join(server.dataDir, 'all.json');
    expect(await json(['record', 'export', '--all', '--out', all])).toEqual({
      file: all,
      records: 1,
    });
    const chain = JSON.parse(readFileSync(all, 'utf8')) as SealedRecord[];
    expect(chain).toHaveLength(1);
    expect(chain[0]).toMatchObject({
      voteId: second,
      method: 'paper',
      valid: 38,
      retakes: { voteId: first, method: 'keypads', reason: REASON, title: TITLE },
    });
    const { publicKey } = await json(['key', 'show']);
    expect(
      await json(['record', 'verify', all, '--public-key', publicKey as string]),
    ).toMatchObject({ valid: true, records: 1 });

    // The printout says how the ballots were taken, and what was retaken and why.
    const pdf = await fetch(`${server.url}/api/records/${chain[0]!.seq}/pdf`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const pdfFile = path.join(server.dataDir, 'retake.pdf');
    writeFileSync(pdfFile, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('表决方式：纸质票计票');
    expect(flat).toContain(
      `重新测评：第${first as number}项测评因${REASON.replace(/\s+/g, '')}放弃`,
    );
    expect(text).toMatch(/未投票\s+1\s*$/m);

    // The abandoned vote: no record, no result, and no count anywhere in the database.
    const rec = await api(server, 'GET', `/api/votes/${first}/record`, TOKEN);
    expect(rec.status).toBe(404);
    const result = await api<{ code: string }>(server, 'GET', `/api/votes/${first}/result`, TOKEN);
    expect(result.body.code).toBe('VOTE_ABANDONED');
    const db = new Database(path.join(server.dataDir, 'hall.db'), {
      readonly: true,
      fileMustExist: true,
    });
    try {
      const n = (sql: string) => (db.prepare(sql).get(first) as { n: number }).n;
      expect(n('SELECT count(*) AS n FROM vote_counts WHERE vote_id = ?')).toBe(0);
      expect(n('SELECT count(*) AS n FROM vote_ballots WHERE vote_id = ?')).toBe(0);
      expect(n('SELECT count(*) AS n FROM hand_counts WHERE vote_id = ?')).toBe(0);
      expect(n('SELECT count(*) AS n FROM results WHERE vote_id = ?')).toBe(0);
      expect(
        db.prepare('SELECT state, abandon_reason FROM votes WHERE vote_id = ?').get(first),
      ).toEqual({ state: 'abandoned', abandon_reason: REASON });
    } finally {
      db.close();
    }
  }, 300_000);
});
