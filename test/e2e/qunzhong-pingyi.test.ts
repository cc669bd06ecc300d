import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SealedRecord, SeriesSummaryReply, VoteStatusReply } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { hallCli } from '../support/hall-cli';
import { REPO_ROOT } from '../support/paths';
import {
  api,
  freePort,
  login,
  startHallServer,
  tempDataDir,
  type HallServer,
} from '../support/hall-server';

/**
 * Seed 第二篇 through the product, end to end: a real `npm start` demo hall (its simulated seats
 * are five-key units behind the real modbus-rtu and wireless-base drivers), the hall CLI with the
 * operator token (CONTRACT.md §1), presses through the demo press route (the simulated seats):
 *
 * "我局参加会议的42人,现场发放测评表42份,收回42份,党支部满意票42份,满意率100%,党支部党员33人,
 * 优秀票30人,优秀率91%,合格票3人,合格率9%。"
 *
 * An evaluation meeting (`session start --kind evaluation`) with its own 42 invited evaluators
 * (`evaluators import`), 34 subjects in a row (`series create --file`, auto-advancing): the branch
 * under docs/profiles/qunzhong-branch.json, then 33 members under qunzhong-member.json (four
 * options, keys 1-4). The summary (`series summary`) reproduces the published figures, and the
 * 34 sealed records export and verify under the hall's key.
 */
const TOKEN = 'e2e-qunzhong-operator-token';
const SEATS = [...Array.from({ length: 40 }, (_, i) => `A-${i + 1}`), 'W-1', 'W-2'];
const GROUP = (i: number) => (i <= 12 ? '两代表一委员' : i <= 32 ? '员工代表' : '养殖户代表');
const WAIT_MS = 60_000;
let server: HallServer;
let tech: string;
let env: Record<string, string>;

beforeAll(async () => {
  server = await startHallServer({
    dataDir: tempDataDir('hall-qunzhong-e2e-'),
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

const json = async <T = Record<string, unknown>>(args: string[]): Promise<T> => {
  const r = await hallCli([...args, '--json'], env);
  expect(r.stderr, args.join(' ')).toBe('');
  expect(r.code, args.join(' ')).toBe(0);
  return JSON.parse(r.stdout) as T;
};
/**
 * Each seat presses `key`. A seat that still shows the previous vote's tag (the new mode reaches
 * it with the bus's next cycle) gets "not accepted", and its member presses again, as in the
 * hall (SEAT-PROTOCOLS.md: a key event under another tag is no ballot of this vote); bounded.
 */
const press = async (seats: readonly string[], key: number) => {
  for (const seat of seats) {
    const until = Date.now() + WAIT_MS;
    for (;;) {
      const r = await api<{ lamp: string }>(server, 'POST', '/api/demo/press', tech, {
        seat,
        keys: [key],
      });
      expect(r.status, seat).toBe(200);
      if (r.body.lamp === 'registered') break;
      expect(r.body.lamp, seat).toBe('not-accepted');
      expect(Date.now() < until, `${seat} is registered`).toBe(true);
      await new Promise((res) => setTimeout(res, 50));
    }
  }
};
const latest = async () =>
  (await api<VoteStatusReply>(server, 'GET', '/api/votes/latest', TOKEN)).body;
/** Wait (bounded) until the hall's latest vote is a new open one: the series advanced by itself. */
async function nextOpened(after: number): Promise<number> {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    const v = await latest();
    if (v.voteId > after && v.state === 'open') return v.voteId;
    if (Date.now() > until) throw new Error(`no subject opened after vote ${after}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const doc = (name: string) =>
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'docs/profiles', name), 'utf8')) as unknown;

describe('第二篇 end to end: an evaluation meeting of 42 invited evaluators, 34 subjects', () => {
  it('reproduces 42 issued / 42 returned, 满意率 100%, 优秀 30 / 33 = 91%, 合格 3 / 33 = 9%', async () => {
    onTestFailed(() => console.error(server?.output()));
    await json(['session', 'start', '--title', '全局群众评议会议', '--kind', 'evaluation']);
    const csv = path.join(server.dataDir, 'evaluators.csv');
    const rows = SEATS.map(
      (seat, i) => `E${String(i + 1).padStart(2, '0')},评议人${i + 1},${GROUP(i + 1)},${seat}`,
    );
    writeFileSync(csv, `evaluator_id,name,group,seat\n${rows.join('\n')}\n`);
    expect(await json(['evaluators', 'import', csv])).toMatchObject({ evaluators: 42 });
    // 现场发放测评表42份: every evaluator checks in at their seat.
    await json(['checkin', 'open']);
    await press(SEATS, 1);
    expect(await json(['checkin', 'close'])).toMatchObject({ members: 42, present: 42 });

    const seriesFile = path.join(server.dataDir, 'series.json');
    const members = Array.from({ length: 33 }, (_, i) => `党员${String(i + 1).padStart(2, '0')}`);
    writeFileSync(
      seriesFile,
      JSON.stringify({
        title: '局党支部创先争优活动群众评议',
        kind: 'subjects',
        autoAdvance: true,
        subjects: [
          { title: '局党支部', profile: doc('qunzhong-branch.json') },
          ...members.map((title) => ({ title, profile: doc('qunzhong-member.json') })),
        ],
      }),
    );
    const series = await json<{ seriesId: number; subjects: unknown[] }>([
      'series',
      'create',
      '--file',
      seriesFile,
    ]);
    expect(series.subjects).toHaveLength(34);
    let voteId = (await json<{ voteId: number }>(['series', 'next'])).voteId;
    // 党支部满意票42份.
    await press(SEATS, 1);
    const closeLatest = async () =>
      expect((await api(server, 'POST', '/api/votes/latest/close', TOKEN)).status).toBe(200);
    await closeLatest();
    for (let m = 1; m <= 33; m++) {
      voteId = await nextOpened(voteId);
      if (m <= 30) {
        await press(SEATS.slice(0, 30), 1); // 优秀
        await press(SEATS.slice(30), 2); // 合格
      } else {
        await press(SEATS.slice(0, 15), 1);
        await press(SEATS.slice(15, 40), 2);
        await press(SEATS.slice(40), 3); // 基本合格
      }
      await closeLatest();
    }
    // The last subject is announced by the series itself; nothing is left to open.
    const until = Date.now() + WAIT_MS;
    while ((await latest()).state !== 'announced') {
      expect(Date.now() < until, 'the last subject is announced').toBe(true);
      await new Promise((r) => setTimeout(r, 50));
    }

    const sum = await json<SeriesSummaryReply>(['series', 'summary', String(series.seriesId)]);
    expect(sum.subjects[0]).toMatchObject({ title: '局党支部', present: 42, returned: 42 });
    expect(sum.subjects[0]!.optionShares[0]!.share).toEqual({ count: 42, of: 42, text: '100%' });
    const memberGroup = sum.groups.find((g) => g.profileId === 'qunzhong-member')!;
    expect(memberGroup.decided).toBe(33);
    expect(memberGroup.outcomes.slice(0, 2).map((o) => [o.label.zh, o.share])).toEqual([
      ['优秀', { count: 30, of: 33, text: '91%' }],
      ['合格', { count: 3, of: 33, text: '9%' }],
    ]);

    // 34 sealed records, one per subject, of the invited roster; the chain verifies.
    const out = path.join(server.dataDir, 'records.json');
    expect(await json(['record', 'export', '--all', '--out', out])).toMatchObject({ records: 34 });
    const records = JSON.parse(readFileSync(out, 'utf8')) as SealedRecord[];
    for (const [i, r] of records.entries()) {
      expect(r).toMatchObject({ roster: 'invited', method: 'keypads', members: 42, present: 42 });
      expect(r.series).toMatchObject({ seriesId: series.seriesId, index: i + 1, count: 34 });
    }
    const { publicKey } = await json<{ publicKey: string }>(['key', 'show']);
    expect(await json(['record', 'verify', out, '--public-key', publicKey])).toMatchObject({
      valid: true,
      records: 34,
    });
  }, 600_000);
});
