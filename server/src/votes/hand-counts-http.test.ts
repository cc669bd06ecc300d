import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';

/**
 * Issue 14 over HTTP: who may enter, confirm, read hand counts and abandon a vote, the operator
 * token's single-operator path, and no seat terminal ballot while a paper vote is open.
 */
let f: AppFixture;
beforeEach(async () => {
  f = await appFixture();
  await call('secretariat', 'POST', '/api/sessions', { title: '第二十二次常委会会议' });
  for (let i = 1; i <= 40; i++) f.app.hall.markAttendance(`M${String(i).padStart(3, '0')}`, true);
});
afterEach(async () => {
  await f.close();
});

type Who = 'chair' | 'secretariat' | 'technician' | 'operator' | null;
async function call<T = Record<string, unknown>>(
  who: Who,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const res = await f.app.inject({
    method,
    url,
    headers: { ...(who ? f.auth(who) : {}), ...headers },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  return { status: res.statusCode, body: res.json() as T };
}

const open = (method: 'keypads' | 'paper' | 'hands', extra: object = {}) =>
  call<{ voteId: number }>('chair', 'POST', '/api/votes', {
    title: '关于法治政府建设情况的报告',
    profile: 'anhui-2013',
    method,
    ...extra,
  });
const counts = (who: Who, body: object) => call(who, 'POST', '/api/votes/latest/counts', body);
const confirm = (who: Who) => call(who, 'POST', '/api/votes/latest/counts/confirm');

describe('hand counts over HTTP (secretariat enters, chair confirms)', () => {
  it('keeps the roles and the two-person rule, and closes once confirmed', async () => {
    expect((await open('paper')).status).toBe(200);
    expect((await counts('chair', { counts: { satisfied: 30 } })).status).toBe(403);
    expect((await counts('technician', { counts: { satisfied: 30 } })).status).toBe(403);
    expect((await counts(null, { counts: { satisfied: 30 } })).status).toBe(401);
    const over = await counts('secretariat', { counts: { satisfied: 41 } });
    expect(over).toMatchObject({ status: 422, body: { code: 'BALLOTS_EXCEED_PRESENT' } });
    const unknown = await counts('secretariat', { counts: { maybe: 1 } });
    expect(unknown).toMatchObject({ status: 422, body: { code: 'UNKNOWN_OPTION' } });
    const entered = await counts('secretariat', { counts: { satisfied: 30 }, invalid: 2 });
    expect(entered).toMatchObject({
      status: 200,
      body: { pressed: 32, enteredBy: 'secretariat', confirmedBy: null, method: 'paper' },
    });
    const status = await call('chair', 'GET', '/api/votes/latest');
    expect(status.body).toMatchObject({ state: 'open', present: 40, pressed: 32, method: 'paper' });
    expect((await call('chair', 'POST', '/api/votes/latest/close')).body).toMatchObject({
      code: 'COUNTS_NOT_CONFIRMED',
    });
    expect((await confirm('secretariat')).status).toBe(403);
    expect((await call('technician', 'GET', '/api/votes/latest/counts')).status).toBe(403);
    const ok = await confirm('chair');
    expect(ok).toMatchObject({ status: 200, body: { confirmedBy: 'chair' } });
    expect((await call('secretariat', 'GET', '/api/votes/latest/counts')).body).toMatchObject({
      enteredBy: 'secretariat',
      confirmedBy: 'chair',
      counts: { satisfied: 30 },
    });
    const closed = await call('chair', 'POST', '/api/votes/latest/close');
    expect(closed).toMatchObject({ status: 200, body: { valid: 30, invalid: 2, present: 40 } });
  });

  it('refuses counts for a keypad vote (409 NOT_HAND_COUNTED)', async () => {
    await open('keypads');
    const r = await counts('secretariat', { counts: { satisfied: 1 } });
    expect(r).toMatchObject({ status: 409, body: { code: 'NOT_HAND_COUNTED' } });
  });

  it('the operator token alone: counts then close (entered and confirmed in one step)', async () => {
    await open('hands');
    const r = await counts('operator', { counts: { satisfied: 38 } });
    expect(r.body).toMatchObject({ enteredBy: 'operator', confirmedBy: 'operator' });
    const closed = await call('operator', 'POST', '/api/votes/latest/close');
    expect(closed).toMatchObject({ status: 200, body: { outcome: 'satisfied' } });
  });

  it('a seat terminal ballot is refused while a paper vote is open', async () => {
    const code = await call<{ code: string }>('technician', 'POST', '/api/terminals/pairings', {
      seat: 'A-1',
    });
    const paired = await call<{ credential: string }>(null, 'POST', '/api/terminal/pair', {
      code: code.body.code,
    });
    const list = await call<{ terminals: { terminalId: number }[] }>(
      'technician',
      'GET',
      '/api/terminals',
    );
    const id = list.body.terminals.at(-1)!.terminalId;
    expect((await call('chair', 'POST', `/api/terminals/${id}/confirm`, {})).status).toBe(200);
    const { body } = await open('paper');
    const press = await call(
      null,
      'POST',
      '/api/terminal/press',
      { keys: [1], voteId: body.voteId },
      { authorization: `Bearer ${paired.body.credential}` },
    );
    expect(press.body).toEqual({ lamp: 'not-accepted', reason: 'not-open' });
    expect((await call('chair', 'GET', '/api/votes/latest')).body).toMatchObject({ pressed: 0 });
  });
});

describe('abandon over HTTP (chair)', () => {
  it('abandons the open vote with its reason; then a paper retake is sealed with it', async () => {
    await open('keypads');
    expect(
      (await call('secretariat', 'POST', '/api/votes/latest/abandon', { reason: '故障' })).status,
    ).toBe(403);
    const bad = await call('chair', 'POST', '/api/votes/latest/abandon', {});
    expect(bad.status).toBe(400);
    const r = await call('chair', 'POST', '/api/votes/latest/abandon', { reason: '表决器故障' });
    expect(r).toMatchObject({
      status: 200,
      body: { voteId: 1, state: 'abandoned', reason: '表决器故障' },
    });
    expect((await call('chair', 'GET', '/api/votes/1/result')).body).toMatchObject({
      code: 'VOTE_ABANDONED',
    });
    expect((await call('chair', 'GET', '/api/votes/1/document')).body).toMatchObject({
      code: 'VOTE_ABANDONED',
    });
    expect((await call('chair', 'POST', '/api/votes/latest/announce')).body).toMatchObject({
      code: 'VOTE_ABANDONED',
    });
    expect((await open('paper', { retakeOf: 1 })).body).toEqual({ voteId: 2 });
    await counts('operator', { counts: { satisfied: 40 } });
    await call('chair', 'POST', '/api/votes/latest/close');
    await call('chair', 'POST', '/api/votes/latest/announce');
    const rec = await call('chair', 'GET', '/api/votes/2/record');
    expect(rec.body).toMatchObject({
      method: 'paper',
      retakes: { voteId: 1, reason: '表决器故障', method: 'keypads' },
    });
    expect((await call('chair', 'GET', '/api/votes/1/record')).status).toBe(404);
  });
});
