import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';

/**
 * Issue 12 against the two-person rule of issue 10: the secretariat manages console users, so a
 * secretariat user could add a chair account (or reset the chair's password) and confirm their
 * own correction through it. A correction is not confirmed by a chair whose account, role or
 * password its proposer issued.
 */
let f: AppFixture;
const reason = '复核发现计票有误';

const post = (url: string, headers: Record<string, string>, payload?: object) =>
  f.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

/** Log in on an initial password and change it: a chair account the proposer now "owns". */
async function takeOver(
  username: string,
  initialPassword: string,
): Promise<{ authorization: string }> {
  const login = await post('/api/auth/login', {}, { username, password: initialPassword });
  expect(login.statusCode).toBe(200);
  const token = (login.json() as { token: string }).token;
  const headers = { authorization: `Bearer ${token}` };
  const changed = await post('/api/auth/password', headers, {
    oldPassword: initialPassword,
    newPassword: 'a-new-password-of-mine',
  });
  expect(changed.statusCode).toBe(200);
  return headers;
}

beforeAll(async () => {
  f = await appFixture();
  const op = f.auth('operator');
  expect((await post('/api/sessions', op, { title: '第十次会议' })).statusCode).toBe(200);
  for (let i = 1; i <= 35; i++) {
    const memberId = `M${String(i).padStart(3, '0')}`;
    expect((await post('/api/attendance/mark', op, { memberId, present: true })).statusCode).toBe(
      200,
    );
  }
  expect(
    (await post('/api/votes', op, { title: '执行工作', profile: 'anhui-2013' })).statusCode,
  ).toBe(200);
  for (let i = 1; i <= 32; i++) {
    const r = await post('/api/demo/press', f.auth('technician'), { seat: `A-${i}`, keys: [3] });
    expect(r.json()).toMatchObject({ lamp: 'registered' });
  }
  await post('/api/votes/latest/close', op);
  expect((await post('/api/votes/latest/announce', op)).statusCode).toBe(200);
}, 60_000);

afterAll(async () => {
  await f?.close();
});

const propose = (counts: Record<string, number>) =>
  post('/api/records/1/corrections', f.auth('secretariat'), {
    members: 60,
    present: 35,
    invalid: 0,
    reason,
    counts,
  });

describe('the confirmer of a correction is independent of its proposer', () => {
  it('refuses a chair account the proposing secretariat user added; the hall chair confirms', async () => {
    const made = await post('/api/users', f.auth('secretariat'), {
      username: 'chair2',
      role: 'chair',
    });
    expect(made.statusCode).toBe(201);
    const chair2 = await takeOver(
      'chair2',
      (made.json() as { initialPassword: string }).initialPassword,
    );
    const p = await propose({ satisfied: 31, unsatisfied: 1 });
    expect(p.statusCode).toBe(200);
    const id = (p.json() as { id: number }).id;

    const refused = await post(`/api/corrections/${id}/confirm`, chair2);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CORRECTION_NOT_INDEPENDENT' });
    expect(refused.json().message).toMatch(
      /chair2.*secretariat.*\/ a correction needs an independent/,
    );
    // Nothing was sealed: the proposal is still pending and the chain still has one record.
    const list = await f.app.inject({ url: '/api/corrections', headers: f.auth('chair') });
    expect(list.json()).toMatchObject({ proposals: [{ id, state: 'pending' }] });

    const sealed = await post(`/api/corrections/${id}/confirm`, f.auth('chair'));
    expect(sealed.statusCode).toBe(200);
    expect(sealed.json()).toMatchObject({ seq: 2, corrects: { seq: 1 } });
  });

  it('refuses the hall chair once the proposer reset the chair password (and took the account)', async () => {
    const reset = await post('/api/users/chair/reset-password', f.auth('secretariat'));
    expect(reset.statusCode).toBe(200);
    const chair = await takeOver(
      'chair',
      (reset.json() as { initialPassword: string }).initialPassword,
    );
    const p = await post('/api/records/2/corrections', f.auth('secretariat'), {
      members: 60,
      present: 35,
      invalid: 0,
      reason,
      counts: { satisfied: 30, unsatisfied: 2 },
    });
    expect(p.statusCode).toBe(200);
    const id = (p.json() as { id: number }).id;
    const refused = await post(`/api/corrections/${id}/confirm`, chair);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CORRECTION_NOT_INDEPENDENT' });
  });
});
