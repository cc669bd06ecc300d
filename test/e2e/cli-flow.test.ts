import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * The CLI flow of CONTRACT.md §1 against a real `npm start` (demo hall: simulated seats on the
 * real modbus-rtu and wireless-base protocols), as an operator would run it.
 */
const TOKEN = 'e2e-operator-token';
let server: HallServer;
let tech: string;
let env: Record<string, string>;

beforeAll(async () => {
  const dataDir = tempDataDir();
  server = await startHallServer({
    dataDir,
    port: await freePort(),
    env: { HALL_OPERATOR_TOKEN: TOKEN },
  });
  tech = await login(server, 'technician', 'technician-demo');
  env = { HALL_PORT: String(server.port), HALL_OPERATOR_TOKEN: TOKEN };
}, 90_000);

afterAll(async () => {
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
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
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(reason);
};

/** A simulated seat presses; resolves with the lamp the seat then shows. */
const press = async (seat: string, keys: number[]) => {
  const r = await api<{ lamp: string }>(server, 'POST', '/api/demo/press', tech, { seat, keys });
  expect(r.status, seat).toBe(200);
  return r.body.lamp;
};

const seat = (i: number) => (i <= 40 ? `A-${i}` : `W-${i - 40}`); // member M00i

describe('a sitting through the hall CLI', () => {
  it('runs roster import → session → check-in → vote → status → close → announce → attendance', async () => {
    const csv = path.join(server.dataDir, 'roster.csv');
    const lines = ['member_id,name,role,seat'];
    for (let i = 1; i <= 50; i++)
      lines.push(`M${String(i).padStart(3, '0')},委员${i},member,${seat(i)}`);
    lines.push('O001,列席甲,observer,W-30', 'O002,列席乙,observer,');
    writeFileSync(csv, `${lines.join('\n')}\n`);
    expect(await json(['roster', 'import', csv])).toEqual({ members: 50, observers: 2 });

    const bad = path.join(server.dataDir, 'bad.csv');
    writeFileSync(bad, 'member_id,name,role,seat\nM1,甲,member,A-1\nM2,乙,chair,A-2\n');
    await refused(
      ['roster', 'import', bad],
      /服务器拒绝：名单第 3 行：身份“chair”须为 member（组成人员）或 observer（列席） \/ the server refused: roster line 3: role "chair"/,
    );

    const { sessionId } = await json(['session', 'start', '--title', '第十四届常委会第十次会议']);
    expect(sessionId).toEqual(expect.any(Number));
    expect(await json(['checkin', 'open'])).toEqual({ members: 50, present: 0, quorumMet: false });
    await refused(
      ['vote', 'open', '--title', 'x', '--profile', 'anhui-2013'],
      /服务器拒绝：未达法定人数：实到 0 人，全体组成人员 50 人，须过半数出席 \/ the server refused: quorum not met: 0 of 50 members present \(more than half required\)/,
    );

    // 30 members and one observer check in on their seats (both buses).
    for (let i = 1; i <= 30; i++) expect(await press(seat(i), [1 + (i % 3)])).toBe('registered');
    expect(await press('W-30', [1])).toBe('registered');
    expect(await json(['checkin', 'close'])).toEqual({ members: 50, present: 30, quorumMet: true });

    const { voteId } = await json([
      'vote',
      'open',
      '--title',
      '关于全省生态环境保护工作情况的报告',
      '--profile',
      'anhui-2013',
    ]);
    await refused(
      ['vote', 'open', '--title', 'y', '--profile', 'zizhou'],
      /测评 \d+ 正在进行，请先结束 \/ the server refused: vote \d+ is still open; close it first/,
    );
    // 20 satisfied, 6 basically, 2 unsatisfied, 1 invalid; M031 did not check in but presses.
    const plan: [number, number[]][] = [];
    for (let i = 1; i <= 20; i++) plan.push([i, [1]]);
    for (let i = 21; i <= 26; i++) plan.push([i, [2]]);
    plan.push([27, [3]], [31, [3]], [28, [1, 3]]);
    for (const [i, keys] of plan) expect(await press(seat(i), keys)).toBe('registered');
    expect(await press(seat(1), [3])).toBe('registered'); // a later press changes nothing
    expect(await press('W-30', [1])).toBe('not-accepted'); // an observer never votes
    expect(await press(seat(2), [2])).toBe('registered'); // its ballot is in already

    expect(await json(['vote', 'status'])).toEqual({
      voteId,
      state: 'open',
      present: 31,
      pressed: 29,
    });
    const closed = await json(['vote', 'close']);
    expect(closed).toMatchObject({
      voteId,
      title: '关于全省生态环境保护工作情况的报告',
      profile: 'anhui-2013',
      outcome: 'basically-satisfied',
      members: 50,
      present: 31,
      valid: 28,
      invalid: 1,
      notVoted: 2,
      counts: { satisfied: 20, 'basically-satisfied': 6, unsatisfied: 2 },
      followUp: [],
    });
    expect(closed.openedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(closed.closedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await refused(
      ['vote', 'close'],
      /当前没有正在进行的测评 \/ the server refused: no vote is open/,
    );
    expect(await json(['vote', 'status'])).toEqual({
      voteId,
      state: 'closed',
      present: 31,
      pressed: 29,
    });

    const announced = await json(['vote', 'announce']);
    expect(announced).toMatchObject({ ...closed, announcedAt: expect.any(String) });
    await refused(
      ['vote', 'announce'],
      /没有可公布的测评结果（测评 \d+ 已公布） \/ the server refused: nothing closed to announce/,
    );
    const display = await fetch(`${server.url}/api/display`).then((r) => r.json());
    expect((display as { result: { voteId: number } }).result.voteId).toBe(voteId);

    const att = await json(['attendance']);
    expect(att).toEqual({
      members: 50,
      present: 31,
      quorumMet: true,
      seatsOnline: expect.any(Number),
    });
    expect(att.seatsOnline as number).toBeGreaterThan(0);
  }, 240_000);

  it('refuses without a token, and names the URL when the server is unreachable', async () => {
    const noToken = await hallCli(['attendance', '--json'], {
      HALL_PORT: String(server.port),
      HALL_OPERATOR_TOKEN: '',
    });
    expect(noToken.code).toBe(1);
    expect(noToken.stdout).toBe('');
    expect(noToken.stderr).toMatch(
      /未设置 HALL_OPERATOR_TOKEN.* \/ HALL_OPERATOR_TOKEN is not set/,
    );
    const port = await freePort();
    const away = await hallCli(
      ['attendance', '--json', '--server', `http://127.0.0.1:${port}`],
      env,
    );
    expect(away.code).toBe(1);
    expect(away.stdout).toBe('');
    expect(away.stderr).toContain(`无法连接会场服务器 http://127.0.0.1:${port}`);
    expect(away.stderr).toContain(`cannot reach the hall server at http://127.0.0.1:${port}`);
    expect(away.stderr.trim().split('\n')).toHaveLength(1);
    const usage = await hallCli(['vote', 'open', '--json'], env);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
    // Chinese first, English beside, then the command's usage line.
    expect(usage.stderr).toMatch(/^hall vote open: 缺少必需的选项 --\w+ \/ --\w+ is required\n/);
    expect(usage.stderr).toContain('用法 / usage: npm run -s hall -- vote open ');
  }, 60_000);
});
