import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';

/**
 * Issue 10: no one role can cast a ballot for a member who is not at the seat. The technician
 * makes codes, a terminal redeems one, the chair confirms; a terminal press never makes anyone
 * present (README "Seat terminals").
 */
let f: AppFixture;
beforeEach(async () => {
  f = await appFixture();
  await call('secretariat', 'POST', '/api/sessions', { title: '第二十二次常委会会议' });
  // 35 of 60 present (quorum), by the secretariat's hand; M040 at seat A-40 stays absent.
  for (let i = 1; i <= 35; i++) f.app.hall.markAttendance(`M${String(i).padStart(3, '0')}`, true);
});
afterEach(async () => {
  await f.close();
});

const ABSENT_SEAT = 'A-40';
const PRESENT_SEAT = 'A-1';

async function call<T = Record<string, unknown>>(
  role: 'chair' | 'secretariat' | 'technician' | null,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const res = await f.app.inject({
    method,
    url,
    headers: { ...(role ? f.auth(role) : {}), ...headers },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  return { status: res.statusCode, body: res.json() as T };
}

/** The technician's code for `seat`, redeemed by a terminal: its credential and id. */
async function pairTerminal(seat: string): Promise<{ credential: string; terminalId: number }> {
  const code = await call<{ code: string }>('technician', 'POST', '/api/terminals/pairings', {
    seat,
  });
  expect(code.status).toBe(200);
  const paired = await call<{ credential: string }>(null, 'POST', '/api/terminal/pair', {
    code: code.body.code,
  });
  expect(paired.status).toBe(200);
  const list = await call<{ terminals: { terminalId: number; seat: string }[] }>(
    'technician',
    'GET',
    '/api/terminals',
  );
  const terminalId = Math.max(
    ...list.body.terminals.filter((t) => t.seat === seat).map((t) => t.terminalId),
  );
  return { credential: paired.body.credential, terminalId };
}

const press = (credential: string, keys: number[]) =>
  call<{ lamp: string; reason: string | null }>(
    null,
    'POST',
    '/api/terminal/press',
    { keys },
    { authorization: `Bearer ${credential}` },
  );
const confirm = (terminalId: number) =>
  call('chair', 'POST', `/api/terminals/${terminalId}/confirm`, {});
const present = async () =>
  (await call<{ present: number }>('chair', 'GET', '/api/attendance')).body.present;
const pressed = async () =>
  (await call<{ pressed: number }>('chair', 'GET', '/api/votes/latest')).body.pressed;
const openVote = async () =>
  expect(
    (
      await call('chair', 'POST', '/api/votes', {
        title: '关于法治政府建设情况的报告',
        profile: 'anhui-2013',
      })
    ).status,
  ).toBe(200);
const closeVote = () =>
  call<{ counts: Record<string, number>; present: number }>(
    'chair',
    'POST',
    '/api/votes/latest/close',
    {},
  );

describe('seat terminals need the chair, and a member who is present (issue 10)', () => {
  it('the technician alone (pair, redeem, press) cannot vote for an absent member', async () => {
    const t = await pairTerminal(ABSENT_SEAT);
    await openVote();
    expect(await present()).toBe(35);
    const reply = await press(t.credential, [1]);
    expect(reply.body).toEqual({ lamp: 'not-accepted', reason: 'not-confirmed' });
    expect(await present()).toBe(35); // 实到 unchanged
    expect(await pressed()).toBe(0);
    const result = await closeVote();
    expect(result.body.present).toBe(35);
    expect(result.body.counts).toEqual({
      satisfied: 0,
      'basically-satisfied': 0,
      unsatisfied: 0,
    });
  });

  it('a pending terminal cannot check its member in either', async () => {
    const t = await pairTerminal(ABSENT_SEAT);
    await call('chair', 'POST', '/api/checkin/open', {});
    expect((await press(t.credential, [1])).body).toEqual({
      lamp: 'not-accepted',
      reason: 'not-confirmed',
    });
    expect(await present()).toBe(35);
  });

  it('the chair sees the pending terminal with seat, member and presence; confirms a present one, and it votes', async () => {
    const t = await pairTerminal(PRESENT_SEAT);
    const pending = await call<{ terminals: Record<string, unknown>[] }>(
      'chair',
      'GET',
      '/api/terminals/confirmations',
    );
    expect(pending.status).toBe(200);
    expect(pending.body.terminals).toEqual([
      expect.objectContaining({
        terminalId: t.terminalId,
        seat: PRESENT_SEAT,
        state: 'pending',
        memberId: 'M001',
        name: expect.any(String),
        present: true,
      }),
    ]);
    expect(
      (await call('technician', 'POST', `/api/terminals/${t.terminalId}/confirm`, {})).status,
    ).toBe(403); // only the chair confirms
    expect((await confirm(t.terminalId)).status).toBe(200);
    await openVote();
    expect((await press(t.credential, [2])).body).toEqual({ lamp: 'registered', reason: null });
    expect(await pressed()).toBe(1);
    const result = await closeVote();
    expect(result.body.counts['basically-satisfied']).toBe(1);
    expect(result.body.present).toBe(35);
  });

  it('the chair cannot confirm a terminal for a member who is not present', async () => {
    const t = await pairTerminal(ABSENT_SEAT);
    const refused = await confirm(t.terminalId);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'MEMBER_NOT_PRESENT',
      message: expect.stringMatching(/^[^\n]*尚未签到[^\n]* \/ [^\n]*has not checked in/),
    });
    const list = await call<{ terminals: { state: string; present: boolean }[] }>(
      'chair',
      'GET',
      '/api/terminals/confirmations',
    );
    expect(list.body.terminals).toEqual([
      expect.objectContaining({ state: 'pending', present: false }),
    ]);
  });

  it('a confirmed terminal of a member who is no longer present is refused (not-present)', async () => {
    const t = await pairTerminal(PRESENT_SEAT);
    expect((await confirm(t.terminalId)).status).toBe(200);
    f.app.hall.markAttendance('M001', false); // the secretariat marks M001 absent (no vote open)
    await call('chair', 'POST', '/api/checkin/open', {});
    expect((await press(t.credential, [1])).body).toEqual({
      lamp: 'not-accepted',
      reason: 'not-present',
    });
    await call('chair', 'POST', '/api/checkin/close', {});
    expect(await present()).toBe(34);
    await openVote();
    expect((await press(t.credential, [1])).body).toEqual({
      lamp: 'not-accepted',
      reason: 'not-present',
    });
    expect(await present()).toBe(34);
    expect(await pressed()).toBe(0);
  });

  it('pairing is refused while a vote is open: a code, redeeming one, confirming', async () => {
    const t = await pairTerminal(PRESENT_SEAT);
    const code = await call<{ code: string }>('technician', 'POST', '/api/terminals/pairings', {
      seat: 'A-2',
    });
    await openVote();
    const voteOpen = { code: 'VOTE_OPEN', message: expect.stringMatching(/ \/ .*vote is open/) };
    const make = await call('technician', 'POST', '/api/terminals/pairings', { seat: 'A-3' });
    expect(make.status).toBe(409);
    expect(make.body).toMatchObject(voteOpen);
    const redeem = await call(null, 'POST', '/api/terminal/pair', { code: code.body.code });
    expect(redeem.status).toBe(409);
    expect(redeem.body).toMatchObject(voteOpen);
    const confirmed = await confirm(t.terminalId);
    expect(confirmed.status).toBe(409);
    expect(confirmed.body).toMatchObject(voteOpen);
  });

  it('one live terminal a seat: confirming a second ends the first', async () => {
    const first = await pairTerminal(PRESENT_SEAT);
    expect((await confirm(first.terminalId)).status).toBe(200);
    const second = await pairTerminal(PRESENT_SEAT);
    const reply = await confirm(second.terminalId);
    expect(reply.body).toMatchObject({ ok: true, replaced: [first.terminalId] });
    await openVote();
    expect((await press(first.credential, [1])).status).toBe(401);
    expect((await press(second.credential, [1])).body).toEqual({
      lamp: 'registered',
      reason: null,
    });
    const seats = await call<{ terminals: { seat: string; state: string }[] }>(
      'chair',
      'GET',
      '/api/terminals/confirmations',
    );
    expect(seats.body.terminals).toEqual([
      expect.objectContaining({ seat: PRESENT_SEAT, state: 'confirmed' }),
    ]);
  });

  it('the chair rejects a pending terminal; a new sitting ends confirmed ones', async () => {
    const rejected = await pairTerminal('A-2');
    expect(
      (await call('chair', 'POST', `/api/terminals/${rejected.terminalId}/reject`, {})).status,
    ).toBe(200);
    expect((await press(rejected.credential, [1])).status).toBe(401);
    const t = await pairTerminal(PRESENT_SEAT);
    expect((await confirm(t.terminalId)).status).toBe(200);
    await call('secretariat', 'POST', '/api/sessions', { title: '第二十三次常委会会议' });
    expect((await press(t.credential, [1])).status).toBe(401);
    const list = await call<{ terminals: { endReason: string | null }[] }>(
      'technician',
      'GET',
      '/api/terminals',
    );
    expect(list.body.terminals.map((x) => x.endReason)).toEqual(['rejected', 'sitting-ended']);
  });
});
