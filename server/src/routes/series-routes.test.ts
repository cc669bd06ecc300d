import type { SeriesReply, SeriesSummaryReply } from '@hall/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seriesApp, type SeriesApp } from '../../test-support/series-app';
import { MEMBER_SEATS } from '../../test-support/hall-fixture';
import { copyOfAnhui } from '../../test-support/test-profiles';

/**
 * Issue 14 over HTTP: series of subjects. The chair's one action (`next`), auto-advance when a
 * subject closes (by the chair or its timer), the refusals, and the summary (a correction
 * included). Each subject is an ordinary vote with its own sealed record naming the series.
 */
let h: SeriesApp;
beforeEach(async () => {
  h = await seriesApp();
  await h.post('/api/sessions', { title: '第十四届人大常委会第二十次会议' });
  for (let i = 1; i <= 35; i++) {
    await h.post('/api/attendance/mark', {
      memberId: `M${String(i).padStart(3, '0')}`,
      present: true,
    });
  }
});
afterEach(async () => {
  await h.close();
});

const SEATS = MEMBER_SEATS.slice(0, 32);
const three = (extra: object = {}) => ({
  title: '省政府组成部门',
  kind: 'subjects',
  subjects: [
    { title: '省发展改革委', profile: 'anhui-2013' },
    { title: '省教育厅', profile: 'zizhou' },
    { title: '省财政厅', profile: 'anhui-2013' },
  ],
  ...extra,
});

describe('POST /api/series and GET /api/series', () => {
  it('creates a series in the current sitting with each profile fixed, every subject pending', async () => {
    const s = await h.post<SeriesReply>('/api/series', three(), 'secretariat');
    expect(s).toMatchObject({
      title: '省政府组成部门',
      kind: 'subjects',
      itemId: null,
      autoAdvance: false,
      method: 'keypads',
      next: 1,
    });
    expect(s.subjects.map((x) => [x.index, x.title, x.profileId, x.state, x.voteId])).toEqual([
      [1, '省发展改革委', 'anhui-2013', 'pending', null],
      [2, '省教育厅', 'zizhou', 'pending', null],
      [3, '省财政厅', 'anhui-2013', 'pending', null],
    ]);
    const stored = h.f.app.hall.db
      .prepare('SELECT profile_json FROM series_subjects WHERE series_id = ? AND idx = 2')
      .get(s.seriesId) as { profile_json: string };
    expect(JSON.parse(stored.profile_json)).toMatchObject({ id: 'zizhou', base: 'valid' });
    expect(await h.get<SeriesReply[]>('/api/series', 'chair')).toEqual([s]);
  });

  it("fixes a library profile's version at creation: a later save changes no subject", async () => {
    const doc = copyOfAnhui('series-lib');
    await h.post('/api/profiles', { profile: doc }, 'secretariat'); // version 1
    const s = await h.post<SeriesReply>(
      '/api/series',
      three({ subjects: [{ title: '省发展改革委', profile: 'series-lib' }] }),
      'secretariat',
    );
    await h.post('/api/profiles', { profile: doc }, 'secretariat'); // version 2, now the latest
    const { voteId } = await h.post<{ voteId: number }>(
      `/api/series/${s.seriesId}/next`,
      undefined,
      'chair',
    );
    h.press(SEATS, 1);
    await h.post('/api/votes/latest/close', undefined, 'chair');
    await h.post('/api/votes/latest/announce', undefined, 'chair');
    expect((await h.record(voteId)).profile).toMatchObject({ id: 'series-lib', version: 1 });
  });

  it('refuses with clear codes: no item for departments, an unknown item, profile, unsafe title, wrong role', async () => {
    const refusal = async (
      body: object,
      role: 'chair' | 'secretariat' | 'technician' = 'chair',
    ) => {
      const r = await h.call('POST', '/api/series', role, body);
      return [r.statusCode, r.json().code, r.json().message ?? ''] as const;
    };
    expect((await refusal(three({ kind: 'departments' }))).slice(0, 2)).toEqual([
      409,
      'SERIES_ITEM_REQUIRED',
    ]);
    expect((await refusal(three({ kind: 'departments', itemId: 99 }))).slice(0, 2)).toEqual([
      404,
      'NO_ITEM',
    ]);
    const badProfile = three({
      subjects: [
        { title: '甲', profile: 'anhui-2013' },
        { title: '乙', profile: 'nope' },
      ],
    });
    const [code, name, message] = await refusal(badProfile);
    expect([code, name]).toEqual([422, 'UNKNOWN_PROFILE']);
    expect(message).toContain('第 2 个测评对象');
    expect(
      (await refusal(three({ subjects: [{ title: '甲\u202e', profile: 'anhui-2013' }] }))).slice(
        0,
        2,
      ),
    ).toEqual([422, 'UNSAFE_TEXT']);
    expect((await refusal(three(), 'technician')).slice(0, 2)).toEqual([403, 'WRONG_ROLE']);
    expect(await h.get<SeriesReply[]>('/api/series')).toEqual([]);
    const r = await h.call('GET', '/api/series/9', 'chair');
    expect([r.statusCode, r.json().code]).toEqual([404, 'SERIES_NOT_FOUND']);
  });
});

describe("POST /api/series/:id/next: the chair's one action", () => {
  it('announces the closed subject and opens the next; each has its own sealed record', async () => {
    const s = await h.post<SeriesReply>('/api/series', three(), 'secretariat');
    const url = `/api/series/${s.seriesId}/next`;
    const first = await h.post<{ index: number; voteId: number }>(url, undefined, 'chair');
    expect(first).toMatchObject({ seriesId: s.seriesId, index: 1 });
    const whileOpen = await h.call('POST', url, 'chair');
    expect([whileOpen.statusCode, whileOpen.json().code]).toEqual([409, 'VOTE_OPEN']);
    const notChair = await h.call('POST', url, 'secretariat');
    expect([notChair.statusCode, notChair.json().code]).toEqual([403, 'WRONG_ROLE']);
    const voteIds = [first.voteId];
    for (const index of [2, 3]) {
      h.press(SEATS, 1);
      await h.post('/api/votes/latest/close', undefined, 'chair');
      const r = await h.post<{ index: number; voteId: number }>(url, undefined, 'chair');
      expect(r.index).toBe(index);
      voteIds.push(r.voteId);
    }
    h.press(SEATS, 1);
    await h.post('/api/votes/latest/close', undefined, 'chair');
    const done = await h.call('POST', url, 'chair');
    expect([done.statusCode, done.json().code]).toEqual([409, 'SERIES_DONE']);
    expect((await h.series(s.seriesId)).subjects.map((x) => x.state)).toEqual([
      'announced',
      'announced',
      'closed',
    ]);
    await h.post('/api/votes/latest/announce', undefined, 'chair');
    const after = await h.series(s.seriesId);
    expect(after.next).toBeNull();
    expect(after.subjects.map((x) => [x.voteId, x.state, x.outcome?.id])).toEqual(
      voteIds.map((v) => [v, 'announced', 'satisfied']),
    );
    const records = await Promise.all(voteIds.map((v) => h.record(v)));
    expect(records.map((r) => [r.title, r.profile.id, r.series])).toEqual([
      [
        '省政府组成部门：省发展改革委',
        'anhui-2013',
        {
          seriesId: s.seriesId,
          title: '省政府组成部门',
          kind: 'subjects',
          index: 1,
          count: 3,
          subject: '省发展改革委',
        },
      ],
      [
        '省政府组成部门：省教育厅',
        'zizhou',
        {
          seriesId: s.seriesId,
          title: '省政府组成部门',
          kind: 'subjects',
          index: 2,
          count: 3,
          subject: '省教育厅',
        },
      ],
      [
        '省政府组成部门：省财政厅',
        'anhui-2013',
        {
          seriesId: s.seriesId,
          title: '省政府组成部门',
          kind: 'subjects',
          index: 3,
          count: 3,
          subject: '省财政厅',
        },
      ],
    ]);
    expect(new Set(records.map((r) => r.seq)).size).toBe(3);
  });
});

describe('auto-advance: the next subject opens when the previous closes', () => {
  it('closing subject k announces it and opens k+1; the last is announced when it closes', async () => {
    const s = await h.post<SeriesReply>('/api/series', three({ autoAdvance: true }), 'secretariat');
    const { voteId: v1 } = await h.post<{ voteId: number }>(
      `/api/series/${s.seriesId}/next`,
      undefined,
      'chair',
    );
    h.press(SEATS, 1);
    await h.post('/api/votes/latest/close', undefined, 'chair');
    const a2 = await h.nextAdvance();
    expect(a2).toMatchObject({ seriesId: s.seriesId, opened: { index: 2 } });
    expect((await h.record(v1)).series).toMatchObject({ index: 1, subject: '省发展改革委' });
    h.press(SEATS, 3);
    await h.post('/api/votes/latest/close', undefined, 'chair');
    expect(await h.nextAdvance()).toMatchObject({ opened: { index: 3 } });
    h.press(SEATS, 1);
    await h.post('/api/votes/latest/close', undefined, 'chair');
    expect(await h.nextAdvance()).toEqual({ seriesId: s.seriesId, done: true });
    const after = await h.series(s.seriesId);
    expect(after.subjects.map((x) => [x.state, x.outcome?.id])).toEqual([
      ['announced', 'satisfied'],
      ['announced', 'unsatisfied'],
      ['announced', 'satisfied'],
    ]);
  });

  it("advances after the vote's timer closes it", async () => {
    const body = three({
      autoAdvance: true,
      durationSeconds: 1,
      subjects: three().subjects.slice(0, 2),
    });
    const s = await h.post<SeriesReply>('/api/series', body, 'secretariat');
    await h.post(`/api/series/${s.seriesId}/next`, undefined, 'chair');
    h.press(SEATS, 1);
    expect(await h.nextAdvance()).toMatchObject({ opened: { index: 2 } });
    expect(await h.nextAdvance()).toEqual({ seriesId: s.seriesId, done: true });
    expect((await h.series(s.seriesId)).subjects.map((x) => x.state)).toEqual([
      'announced',
      'announced',
    ]);
  });

  it('a refusal (quorum lost after the close) is logged and pushed, never thrown into the close', async () => {
    const s = await h.post<SeriesReply>('/api/series', three({ autoAdvance: true }), 'secretariat');
    await h.post(`/api/series/${s.seriesId}/next`, undefined, 'chair');
    h.press(SEATS, 1);
    const hall = h.f.app.hall;
    let pushes = 0;
    hall.onChange(() => pushes++);
    const result = hall.votes.close(); // returns normally; the advance runs later
    expect(result.outcome).toBe('satisfied');
    for (let i = 1; i <= 35; i++) hall.markAttendance(`M${String(i).padStart(3, '0')}`, false);
    const before = pushes;
    const a = await h.nextAdvance();
    expect(a).toMatchObject({ seriesId: s.seriesId, refused: { code: 'NO_QUORUM' } });
    expect(pushes).toBeGreaterThan(before);
    const after = await h.series(s.seriesId);
    expect(after.subjects.map((x) => x.state)).toEqual(['announced', 'pending', 'pending']);
    expect(after.next).toBe(2);
  });
});

describe('GET /api/series/:id/summary', () => {
  it('is made of announced records only, the latest of each (a correction changes the rate)', async () => {
    const body = three({
      subjects: [
        three().subjects[0],
        three().subjects[2],
        { title: '省审计厅', profile: 'anhui-2013' },
      ],
    });
    const s = await h.post<SeriesReply>('/api/series', body, 'secretariat');
    const next = () =>
      h.post<{ voteId: number }>(`/api/series/${s.seriesId}/next`, undefined, 'chair');
    await next();
    h.press(SEATS, 1); // 32 满意 of 60 members: 满意
    await h.post('/api/votes/latest/close', undefined, 'chair');
    const { voteId: v2 } = await next();
    h.press(SEATS.slice(0, 20), 1);
    h.press(SEATS.slice(20), 3); // 20 满意, 12 不满意: 2(s+b) = 40 < 60, 不满意
    await h.post('/api/votes/latest/close', undefined, 'chair');
    await next();
    h.press(SEATS, 2); // subject 3 closed, never announced: not in the summary
    await h.post('/api/votes/latest/close', undefined, 'chair');
    const url = `/api/series/${s.seriesId}/summary`;
    const before = await h.get<SeriesSummaryReply>(url, 'secretariat');
    expect(before.subjects.map((x) => [x.index, x.returned, x.outcome?.id ?? null])).toEqual([
      [1, 32, 'satisfied'],
      [2, 32, 'unsatisfied'],
      [3, null, null],
    ]);
    expect(before.subjects[1]!.optionShares.map((o) => [o.option, o.share])).toEqual([
      ['satisfied', { count: 20, of: 32, text: '63%' }],
      ['basically-satisfied', { count: 0, of: 32, text: '0%' }],
      ['unsatisfied', { count: 12, of: 32, text: '38%' }],
    ]);
    expect(before.subjects[2]!.optionShares).toEqual([]);
    expect(before.groups).toEqual([
      {
        profileId: 'anhui-2013',
        profileVersion: 1,
        profileName: expect.objectContaining({ zh: expect.any(String) }),
        decided: 2,
        outcomes: [
          { id: 'satisfied', label: expect.anything(), share: { count: 1, of: 2, text: '50%' } },
          {
            id: 'basically-satisfied',
            label: expect.anything(),
            share: { count: 0, of: 2, text: '0%' },
          },
          { id: 'unsatisfied', label: expect.anything(), share: { count: 1, of: 2, text: '50%' } },
        ],
      },
    ]);
    const two = await h.get<SeriesSummaryReply>(`${url}?decimals=2`, 'chair');
    expect(two.subjects[1]!.optionShares[0]!.share.text).toBe('62.50%');

    // The secretariat corrects subject 2's record (a miscount), a chair confirms: 满意.
    const seq = (await h.record(v2)).seq;
    await h.post(`/api/records/${seq}/corrections`, {
      members: 60,
      present: 35,
      invalid: 0,
      counts: { satisfied: 31, unsatisfied: 1 },
      reason: '复核发现计票有误',
    });
    await h.post('/api/corrections/1/confirm', undefined, 'chair');
    const after = await h.get<SeriesSummaryReply>(url, 'chair');
    expect(after.subjects[1]).toMatchObject({
      recordSeq: (await h.record(v2)).seq,
      outcome: { id: 'satisfied' },
    });
    expect(after.subjects[1]!.recordSeq).not.toBe(seq);
    expect(after.subjects[1]!.optionShares[0]!.share).toEqual({ count: 31, of: 32, text: '97%' });
    expect(
      after.groups[0]!.outcomes.map((o) => [o.id, o.share.count, o.share.of, o.share.text]),
    ).toEqual([
      ['satisfied', 2, 2, '100%'],
      ['basically-satisfied', 0, 2, '0%'],
      ['unsatisfied', 0, 2, '0%'],
    ]);
    expect((await h.series(s.seriesId)).subjects[1]!.outcome?.id).toBe('satisfied');
  });
});
