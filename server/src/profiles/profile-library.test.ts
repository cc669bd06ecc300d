// Issue 14 "Profiles as documents": the hall's own profile library. A saved version never
// changes (editing makes a new version), a built-in profile is never saved over, `profile:
// "<id>"` opens a vote under the latest version, and a vote records the exact document it was
// decided under (votes.profile_json, then the sealed record's `profile`).
import { afterEach, describe, expect, it } from 'vitest';
import { anhui2013, SEED_PROFILES, type Profile } from '@hall/shared';
import {
  checkIn,
  hallFixture,
  MEMBER_SEATS,
  type HallFixture,
} from '../../test-support/hall-fixture';
import { copyOfAnhui } from '../../test-support/test-profiles';

let f: HallFixture;
afterEach(async () => {
  await f?.close();
});

const stored = (id: string, version: number) =>
  (
    f.hall.db
      .prepare('SELECT json FROM hall_profiles WHERE profile_id = ? AND version = ?')
      .get(id, version) as { json: string }
  ).json;

/** anhui-2013's first rung at another fraction (an edit a secretariat makes). */
function withFirstFraction(p: Profile, num: number, den: number): Profile {
  const q = structuredClone(p);
  q.ladder[0]!.when![0]!.fraction = { num, den };
  return q;
}

describe('saving: every save a new version, never a change', () => {
  it('gives a new id version 1 and the next save of it max + 1, whatever version it says', async () => {
    f = await hallFixture();
    const lib = f.hall.profiles;
    expect(lib.save({ ...copyOfAnhui(), version: 7 }, 'secretariat')).toEqual({
      id: 'hall-anhui',
      version: 1,
    });
    const v1 = stored('hall-anhui', 1);
    expect(JSON.parse(v1)).toMatchObject({
      format: 'hall-profile/1',
      id: 'hall-anhui',
      version: 1,
    });
    const edited = withFirstFraction(copyOfAnhui(), 2, 3);
    expect(lib.save(edited, 'secretariat2')).toEqual({ id: 'hall-anhui', version: 2 });
    expect(lib.save(edited, 'secretariat')).toEqual({ id: 'hall-anhui', version: 3 });
    expect(stored('hall-anhui', 1)).toBe(v1); // the first version is exactly as it was
    expect(JSON.parse(stored('hall-anhui', 2))).toEqual({
      ...edited,
      format: 'hall-profile/1',
      version: 2,
    });
  });

  it('has no way to change or remove a saved version: the table refuses both', async () => {
    f = await hallFixture();
    f.hall.profiles.save(copyOfAnhui(), 'secretariat');
    expect(() => f.hall.db.prepare(`UPDATE hall_profiles SET json = '{}'`).run()).toThrow(
      /never changes/,
    );
    expect(() => f.hall.db.prepare('DELETE FROM hall_profiles').run()).toThrow(/never removed/);
    expect(JSON.parse(stored('hall-anhui', 1))).toMatchObject({ id: 'hall-anhui' });
  });

  it('refuses a built-in id (copy it under a new id), and saves nothing', async () => {
    f = await hallFixture();
    expect(() => f.hall.profiles.save(withFirstFraction(anhui2013, 1, 3), 's')).toThrow(
      expect.objectContaining({ code: 'PROFILE_BUILT_IN', statusCode: 409 }),
    );
    expect(() => f.hall.profiles.save(anhui2013, 's')).toThrow(
      /anhui-2013.*copy it under a new id/,
    );
    expect(f.hall.db.prepare('SELECT COUNT(*) AS n FROM hall_profiles').get()).toEqual({ n: 0 });
  });

  it('refuses a change of ballot before close, unsafe text and a broken document, naming each path', async () => {
    f = await hallFixture();
    const lib = f.hall.profiles;
    const refusal = (doc: unknown) => {
      try {
        lib.save(doc, 's');
      } catch (e) {
        return e as { code: string; statusCode: number; message: string; problems: unknown[] };
      }
      throw new Error('saved');
    };
    const change = refusal({ ...copyOfAnhui(), allowChangeBeforeClose: true });
    expect(change).toMatchObject({ code: 'INVALID_PROFILE', statusCode: 422 });
    expect(change.problems).toEqual([
      { path: '/allowChangeBeforeClose', message: expect.stringMatching(/^本会场不支持/) },
    ]);
    const bidi = copyOfAnhui();
    bidi.name.zh = '满意\u202e度';
    bidi.outcomes[0]!.label.en = 'Sat\u0007isfied';
    const text = refusal(bidi);
    expect(text.problems.map((p) => (p as { path: string }).path)).toEqual([
      '/name/zh',
      '/outcomes/0/label/en',
    ]);
    expect(text.message).toMatch(/^测评办法文档有 2 处问题：\/name\/zh：第 3 个字符/);
    expect(text.message).toContain('U+202E');
    const broken = refusal({ id: 'x' });
    expect(broken.code).toBe('INVALID_PROFILE');
    expect(broken.problems.length).toBeGreaterThan(0);
    for (const p of broken.problems as { path: string; message: string }[]) {
      expect(p.path).toMatch(/^\//);
      expect(broken.message).toContain(`${p.path}：`);
    }
    expect(f.hall.db.prepare('SELECT COUNT(*) AS n FROM hall_profiles').get()).toEqual({ n: 0 });
  });
});

describe('resolving a profile for a vote', () => {
  it('opens `profile: "<id>"` under the built-in, or the hall’s own latest version', async () => {
    f = await hallFixture();
    const lib = f.hall.profiles;
    expect(lib.resolve('zizhou')).toBe(SEED_PROFILES.find((p) => p.id === 'zizhou'));
    lib.save(copyOfAnhui(), 's');
    lib.save(withFirstFraction(copyOfAnhui(), 2, 3), 's');
    const latest = lib.resolve('hall-anhui');
    expect(latest.version).toBe(2);
    expect(latest.ladder[0]!.when![0]!.fraction).toEqual({ num: 2, den: 3 });
    expect(() => lib.resolve('nope')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_PROFILE', statusCode: 422 }),
    );
    expect(() => lib.resolve('nope')).toThrow(/未知的测评办法“nope”.*anhui-2013.*hall-anhui/);
  });

  it('takes a document as it is, also one borrowing a library id (never taken for it)', async () => {
    f = await hallFixture();
    const lib = f.hall.profiles;
    const adHoc = copyOfAnhui('one-off');
    expect(lib.resolve(adHoc)).toEqual(adHoc);
    // A built-in's exact copy is that profile; the same id over other rules is refused.
    expect(lib.resolve({ ...anhui2013, format: 'hall-profile/1' })).toMatchObject({
      id: 'anhui-2013',
    });
    const edited = withFirstFraction(anhui2013, 1, 3);
    expect(lib.borrows(edited)).toBe(true);
    expect(lib.resolve(edited)).toEqual(edited);
    lib.save(copyOfAnhui(), 's');
    const v1 = JSON.parse(stored('hall-anhui', 1)) as Profile;
    expect(lib.resolve(v1)).toEqual(v1);
    expect(lib.borrows(v1)).toBe(false);
    expect(lib.resolve(withFirstFraction(v1, 1, 3))).toMatchObject({ id: 'hall-anhui' });
    expect(() => lib.resolve({ ...copyOfAnhui('bad'), allowChangeBeforeClose: 'yes' })).toThrow(
      expect.objectContaining({ code: 'INVALID_PROFILE', statusCode: 422 }),
    );
  });
});

describe('the library list', () => {
  it('lists the built-ins, then every version: latest, in use, who saved it, its rule', async () => {
    f = await hallFixture({ now: () => new Date('2026-11-26T02:00:00.000Z') });
    const lib = f.hall.profiles;
    lib.save(copyOfAnhui(), 'secretariat');
    checkIn(f, 40);
    f.hall.votes.open({ title: '关于某某工作情况的报告', profile: 'hall-anhui' }); // under v1
    f.hall.votes.close();
    lib.save(withFirstFraction(copyOfAnhui(), 2, 3), 'secretariat2');
    const list = lib.list();
    expect(list.map((e) => [e.id, e.version, e.builtIn, e.latest, e.inUse])).toEqual([
      ['anhui-2013', 1, true, true, false],
      ['zizhou', 1, true, true, false],
      ['shenzhen-2011', 1, true, true, false],
      ['hall-anhui', 1, false, false, true],
      ['hall-anhui', 2, false, true, false],
    ]);
    expect(list[3]).toMatchObject({
      createdAt: '2026-11-26T02:00:00.000Z',
      createdBy: 'secretariat',
    });
    expect(list[4]!.createdBy).toBe('secretariat2');
    expect(list[0]).toMatchObject({ createdAt: null, createdBy: null });
    for (const e of list) expect(e.rules).toHaveLength(e.profile.ladder.length);
    expect(lib.latestProfiles().map((p) => `${p.id}@${p.version}`)).toEqual([
      'anhui-2013@1',
      'zizhou@1',
      'shenzhen-2011@1',
      'hall-anhui@2',
    ]);
    // Opening a built-in marks it in use too.
    f.hall.votes.announce();
    f.hall.votes.open({ title: '第二项', profile: 'zizhou' });
    expect(lib.list().find((e) => e.id === 'zizhou')!.inUse).toBe(true);
    // A document that only borrows an id and version is not that version: not in use by it.
    f.hall.votes.close();
    f.hall.votes.announce();
    f.hall.votes.open({ title: '第三项', profile: withFirstFraction(anhui2013, 1, 3) });
    expect(lib.list().find((e) => e.id === 'anhui-2013')!.inUse).toBe(false);
  });
});

describe('a vote records the exact document it was decided under (upgrade-safe)', () => {
  it('keeps version 1 in the vote and its sealed record after version 2 is saved', async () => {
    f = await hallFixture();
    const lib = f.hall.profiles;
    lib.save(copyOfAnhui(), 's');
    const v1 = stored('hall-anhui', 1);
    checkIn(f, 40);
    const voteId = f.hall.votes.open({ title: '关于某某工作情况的报告', profile: 'hall-anhui' });
    for (const seat of MEMBER_SEATS.slice(0, 30)) f.press(seat, [1]);
    f.flush();
    lib.save(withFirstFraction(copyOfAnhui(), 9, 10), 's'); // while the vote is open
    const row = () =>
      f.hall.db.prepare('SELECT profile_json FROM votes WHERE vote_id = ?').get(voteId) as {
        profile_json: string;
      };
    expect(JSON.parse(row().profile_json)).toEqual(JSON.parse(v1));
    f = await f.restart(); // the open vote is reloaded from its row, not from the library
    expect(f.hall.votes.current?.profile).toEqual(JSON.parse(v1));
    f.hall.votes.close();
    const result = f.hall.votes.announce();
    expect(result.outcome).toBe('satisfied'); // 30 of 60 is half: v1's 半数以上, not v2's 9/10
    expect(JSON.parse(row().profile_json)).toEqual(JSON.parse(v1));
    expect(f.hall.records.forVote(voteId).profile).toEqual(JSON.parse(v1));
    expect(stored('hall-anhui', 1)).toBe(v1);
  });
});
