import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SealedRecord, SeriesReply, SeriesSummaryReply } from '@hall/shared';
import { seatId } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { range } from '../../test-support/hall-fixture';
import { seriesApp, type SeriesApp } from '../../test-support/series-app';

/**
 * Seed 第二篇, the 群众评议 meeting end to end: "我局参加会议的42人,现场发放测评表42份,收回42份,党支部
 * 满意票42份,满意率100%,党支部党员33人,优秀票30人,优秀率91%,合格票3人,合格率9%。"
 *
 * An evaluation meeting with its own roster of 42 invited evaluators (两代表一委员 / 员工代表 /
 * 养殖户代表), not committee members; 34 subjects in a row, auto-advancing: the branch under the
 * 满意 / 基本满意 / 不满意 document, then each of its 33 members under the 优秀 / 合格 / 基本合格 /
 * 不合格 document (docs/profiles/qunzhong-*.json; four options: the seats are 5-key units).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const doc = (name: string) =>
  JSON.parse(readFileSync(path.join(ROOT, 'docs/profiles', name), 'utf8')) as Record<
    string,
    unknown
  >;
const SEATS = [...range(1, 40).map((a) => seatId('A', a)), seatId('W', 1), seatId('W', 2)];
const GROUPS = (i: number) => (i <= 12 ? '两代表一委员' : i <= 32 ? '员工代表' : '养殖户代表');
const MEMBERS = Array.from({ length: 33 }, (_, i) => `党员${String(i + 1).padStart(2, '0')}`);
let h: SeriesApp;
let series: SeriesReply;
let records: SealedRecord[];

beforeAll(async () => {
  h = await seriesApp();
  await h.post('/api/sessions', { title: '全局群众评议会议', kind: 'evaluation' });
  const csv = [
    'evaluator_id,name,group,seat',
    ...SEATS.map(
      (seat, i) => `E${String(i + 1).padStart(2, '0')},评议人${i + 1},${GROUPS(i + 1)},${seat}`,
    ),
  ].join('\n');
  const imported = await h.f.app.inject({
    method: 'PUT',
    url: '/api/sessions/current/evaluators',
    headers: { ...h.f.auth('secretariat'), 'content-type': 'text/csv' },
    payload: `${csv}\n`,
  });
  expect(imported.statusCode, imported.body).toBe(200);
  expect(imported.json()).toMatchObject({ evaluators: 42 });
  // The hall's units are 5-key (UNIT_INFO): four options need keys 1-4.
  for (const seat of SEATS) {
    const bus = h.f.buses[seat.startsWith('A') ? 'A' : 'W'];
    bus.emit({ type: 'seat-online', bus: bus.busId, seat, keys: 5 });
  }
  // 现场发放测评表42份: every evaluator checks in at their seat.
  await h.post('/api/checkin/open', undefined, 'chair');
  h.press(SEATS, 1);
  await h.post('/api/checkin/close', undefined, 'chair');
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('第二篇: the 群众评议 meeting, 34 subjects in a row', () => {
  it('evaluates the branch, then its 33 members, each opening when the previous closes', async () => {
    series = await h.post<SeriesReply>(
      '/api/series',
      {
        title: '局党支部创先争优活动群众评议',
        kind: 'subjects',
        autoAdvance: true,
        subjects: [
          { title: '局党支部', profile: doc('qunzhong-branch.json') },
          ...MEMBERS.map((title) => ({ title, profile: doc('qunzhong-member.json') })),
        ],
      },
      'secretariat',
    );
    expect(series.subjects).toHaveLength(34);
    const first = await h.post<{ voteId: number }>(
      `/api/series/${series.seriesId}/next`,
      undefined,
      'chair',
    );
    const voteIds = [first.voteId];
    // 党支部满意票42份.
    h.press(SEATS, 1);
    await h.post('/api/votes/latest/close', undefined, 'chair');
    for (let m = 1; m <= 33; m++) {
      const a = await h.nextAdvance();
      expect(a).toMatchObject({ seriesId: series.seriesId, opened: { index: m + 1 } });
      if ('opened' in a) voteIds.push(a.opened.voteId);
      if (m <= 30) {
        // 优秀: 30 of 42 ballots 优秀, 12 合格.
        h.press(SEATS.slice(0, 30), 1);
        h.press(SEATS.slice(30), 2);
      } else {
        // 合格: 15 优秀, 25 合格, 2 基本合格.
        h.press(SEATS.slice(0, 15), 1);
        h.press(SEATS.slice(15, 40), 2);
        h.press(SEATS.slice(40), 3);
      }
      await h.post('/api/votes/latest/close', undefined, 'chair');
    }
    expect(await h.nextAdvance()).toEqual({ seriesId: series.seriesId, done: true });
    records = await Promise.all(voteIds.map((v) => h.record(v)));
    expect(records).toHaveLength(34);
    expect(new Set(records.map((r) => r.seq)).size).toBe(34);
  }, 300_000);

  it('seals each subject with its own record: the invited roster, the series, 42 issued and returned', () => {
    for (const [i, r] of records.entries()) {
      expect(r).toMatchObject({ roster: 'invited', method: 'keypads', members: 42, present: 42 });
      expect(r.valid + r.invalid).toBe(42);
      expect(r.series).toMatchObject({ seriesId: series.seriesId, index: i + 1, count: 34 });
    }
    expect(records[0]).toMatchObject({
      profile: { id: 'qunzhong-branch', base: 'returned' },
      counts: { satisfied: 42 },
      outcome: 'satisfied',
      series: { subject: '局党支部' },
    });
    expect(records.slice(1).map((r) => r.outcome)).toEqual([
      ...Array<string>(30).fill('excellent'),
      ...Array<string>(3).fill('qualified'),
    ]);
    expect(records[33]!.series?.subject).toBe('党员33');
  });

  it('reproduces the published figures: 满意率 100%, 优秀率 91% (30/33), 合格率 9% (3/33)', async () => {
    const sum = await h.get<SeriesSummaryReply>(
      `/api/series/${series.seriesId}/summary`,
      'secretariat',
    );
    const branch = sum.subjects[0]!;
    expect(branch).toMatchObject({ title: '局党支部', members: 42, present: 42, returned: 42 });
    expect(branch.optionShares[0]).toEqual({
      option: 'satisfied',
      label: { zh: '满意', en: 'Satisfied' },
      share: { count: 42, of: 42, text: '100%' },
    });
    const [branchGroup, memberGroup] = sum.groups;
    expect(branchGroup).toMatchObject({ profileId: 'qunzhong-branch', decided: 1 });
    expect(branchGroup!.outcomes[0]!.share).toEqual({ count: 1, of: 1, text: '100%' });
    expect(memberGroup).toMatchObject({ profileId: 'qunzhong-member', decided: 33 });
    expect(memberGroup!.outcomes.map((o) => [o.label.zh, o.share])).toEqual([
      ['优秀', { count: 30, of: 33, text: '91%' }],
      ['合格', { count: 3, of: 33, text: '9%' }],
      ['基本合格', { count: 0, of: 33, text: '0%' }],
      ['不合格', { count: 0, of: 33, text: '0%' }],
    ]);
    const shown = await h.series(series.seriesId);
    expect(shown.next).toBeNull();
    expect(shown.subjects.every((x) => x.state === 'announced')).toBe(true);
  });
});
