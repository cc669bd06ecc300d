// Issue 14 "Profiles as documents", over HTTP: the secretariat saves (a new version each time),
// the chair and the secretariat read the library and try a document on sample counts; a bad
// document is a 422 naming every problem's path; junk is never a 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anhui2013, type Profile } from '@hall/shared';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';
import { copyOfAnhui } from '../../test-support/test-profiles';

let f: AppFixture;
beforeAll(async () => {
  f = await appFixture();
});
afterAll(async () => {
  await f.close();
});

type Role = 'chair' | 'secretariat' | 'technician' | 'operator';
const post = (url: string, payload: unknown, role: Role = 'secretariat') =>
  f.app.inject({ method: 'POST', url, headers: f.auth(role), payload: payload as object });
const get = (url: string, role: Role = 'secretariat') =>
  f.app.inject({ url, headers: f.auth(role) });

describe('POST /api/profiles (secretariat)', () => {
  it('saves version 1, then 2; the chair and the technician cannot save', async () => {
    const doc = copyOfAnhui('routes-profile');
    for (const role of ['chair', 'technician'] as const) {
      expect((await post('/api/profiles', { profile: doc }, role)).statusCode).toBe(403);
    }
    const first = await post('/api/profiles', { profile: doc });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ id: 'routes-profile', version: 1 });
    expect((await post('/api/profiles', { profile: doc })).json()).toEqual({
      id: 'routes-profile',
      version: 2,
    });
    const list = (await get('/api/profiles/library', 'chair')).json() as {
      id: string;
      version: number;
      latest: boolean;
      createdBy: string;
      profile: Profile;
    }[];
    const mine = list.filter((e) => e.id === 'routes-profile');
    expect(mine.map((e) => [e.version, e.latest, e.createdBy])).toEqual([
      [1, false, 'secretariat'],
      [2, true, 'secretariat'],
    ]);
    expect(mine[1]!.profile).toMatchObject({ format: 'hall-profile/1', version: 2 });
    // The consoles' list of profiles to open a vote under: built-ins, then each latest version.
    const profiles = (await get('/api/profiles', 'chair')).json() as Profile[];
    expect(profiles.slice(0, 3).map((p) => p.id)).toEqual([
      'anhui-2013',
      'zizhou',
      'shenzhen-2011',
    ]);
    expect(profiles.filter((p) => p.id === 'routes-profile').map((p) => p.version)).toEqual([2]);
  });

  it('refuses a bad document with 422, naming every problem by its path', async () => {
    const doc = copyOfAnhui('bad-text');
    doc.source.title = '办法\u202e';
    const res = await post('/api/profiles', {
      profile: { ...doc, allowChangeBeforeClose: true },
    });
    expect(res.statusCode).toBe(422);
    const body = res.json() as { code: string; message: string; problems: { path: string }[] };
    expect(body.code).toBe('INVALID_PROFILE');
    expect(body.problems.map((p) => p.path)).toEqual(['/source/title', '/allowChangeBeforeClose']);
    expect(body.message).toMatch(/^测评办法文档有 2 处问题：\/source\/title：/);
    expect(body.message).toContain('/allowChangeBeforeClose：');
    const broken = await post('/api/profiles', { profile: { id: 'broken', ladder: [] } });
    expect(broken.statusCode).toBe(422);
    expect((broken.json() as { problems: unknown[] }).problems.length).toBeGreaterThan(0);
    const library = (await get('/api/profiles/library')).json() as { id: string }[];
    expect(library.some((e) => e.id === 'bad-text' || e.id === 'broken')).toBe(false);
  });

  it('refuses a built-in id with 409', async () => {
    const res = await post('/api/profiles', { profile: anhui2013 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'PROFILE_BUILT_IN' });
  });

  it('answers junk bodies with a 4xx, never a 5xx', async () => {
    // Deeply nested arrays, sent as text (JSON.stringify of the test client would overflow).
    const deep = `{"profile":{"id":"deep","ladder":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    for (const url of ['/api/profiles', '/api/profiles/check']) {
      const res = await f.app.inject({
        method: 'POST',
        url,
        headers: { ...f.auth('secretariat'), 'content-type': 'application/json' },
        payload: deep,
      });
      expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(500);
    }
    // …and as the document of a vote to open (the same library resolves it).
    const vote = await f.app.inject({
      method: 'POST',
      url: '/api/votes',
      headers: { ...f.auth('chair'), 'content-type': 'application/json' },
      payload: `{"title":"t","profile":{"id":"deep","ladder":${'['.repeat(5000)}${']'.repeat(5000)}}}`,
    });
    expect(vote.statusCode, vote.body).toBeLessThan(500);
    for (const payload of [
      {},
      { profile: null },
      { profile: [] },
      { profile: 'anhui-2013' },
      { profile: {}, extra: 1 },
      { profile: { ...anhui2013, id: 'x', version: 'one' } },
      { profile: { ...anhui2013, id: 'big', cite: 'x'.repeat(70_000) } },
    ]) {
      for (const url of ['/api/profiles', '/api/profiles/check']) {
        const res = await post(url, payload);
        expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(500);
        if (url === '/api/profiles') expect(res.statusCode).toBeGreaterThanOrEqual(400);
      }
    }
  });
});

describe('POST /api/profiles/check (chair, secretariat)', () => {
  it('reads the rule back and decides a sample, saving nothing', async () => {
    const before = (await get('/api/profiles/library')).json() as unknown[];
    const doc = copyOfAnhui('tried');
    const res = await post(
      '/api/profiles/check',
      { profile: doc, sample: { members: 60, present: 50, counts: { satisfied: 30 } } },
      'chair',
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      valid: boolean;
      problems: unknown[];
      rules: unknown[];
      result: { outcome: string; passed: boolean; members: number; notVoted: number };
    };
    expect(body).toMatchObject({ valid: true, problems: [] });
    expect(body.rules).toHaveLength(doc.ladder.length);
    expect(body.result).toMatchObject({
      outcome: 'satisfied',
      passed: true,
      members: 60,
      notVoted: 20,
    });
    expect((await get('/api/profiles/library')).json()).toEqual(before);
  });

  it('says why a sample cannot be decided, and names a bad document’s problems', async () => {
    const res = await post('/api/profiles/check', {
      profile: copyOfAnhui('tried'),
      sample: { members: 10, present: 20, counts: { satisfied: 1 } },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { valid: boolean; result?: unknown; sampleError: string };
    expect(body.valid).toBe(true);
    expect(body.result).toBeUndefined();
    expect(body.sampleError).toMatch(/ \/ /); // Chinese first, then English
    const unknownKey = await post('/api/profiles/check', {
      profile: copyOfAnhui('tried'),
      sample: { members: 10, present: 5, counts: { nope: 1 } },
    });
    expect((unknownKey.json() as { sampleError?: string }).sampleError).toBeTruthy();
    const bad = await post('/api/profiles/check', {
      profile: { ...copyOfAnhui('tried'), allowChangeBeforeClose: true },
      sample: { members: 10, present: 5, counts: {} },
    });
    expect(bad.json()).toMatchObject({
      valid: false,
      rules: [],
      problems: [{ path: '/allowChangeBeforeClose' }],
    });
    expect((await post('/api/profiles/check', { profile: {} }, 'technician')).statusCode).toBe(403);
  });
});

describe('opening a vote under a saved profile (POST /api/votes)', () => {
  it('records exactly the saved document', async () => {
    const doc = copyOfAnhui('for-a-vote');
    expect((await post('/api/profiles', { profile: doc })).statusCode).toBe(200);
    await post('/api/sessions', { title: '第十次会议' });
    await post('/api/checkin/open', {}, 'chair');
    for (let i = 1; i <= 40; i++) f.app.hall.markAttendance(`M${String(i).padStart(3, '0')}`, true);
    const res = await post(
      '/api/votes',
      { title: '关于某某工作的报告', profile: 'for-a-vote' },
      'chair',
    );
    expect(res.statusCode, res.body).toBe(200);
    const { voteId } = res.json() as { voteId: number };
    const row = f.app.hall.db
      .prepare('SELECT profile_json FROM votes WHERE vote_id = ?')
      .get(voteId) as { profile_json: string };
    expect(JSON.parse(row.profile_json)).toEqual({ ...doc, format: 'hall-profile/1', version: 1 });
    expect((await post('/api/votes/latest/close', {}, 'chair')).statusCode).toBe(200);
    const announced = await post('/api/votes/latest/announce', {}, 'chair');
    expect(announced.statusCode, announced.body).toBe(200);
    expect(f.app.hall.records.forVote(voteId).profile).toEqual(JSON.parse(row.profile_json));
    const library = (await get('/api/profiles/library')).json() as {
      id: string;
      inUse: boolean;
    }[];
    expect(library.find((e) => e.id === 'for-a-vote')!.inUse).toBe(true);
  });
});
