import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';
import {
  EVALUATORS,
  EVALUATOR_SEATS,
  evaluatorRows,
  evaluatorsBomCsv,
  evaluatorsCsv,
  evaluatorsGbCsv,
  evaluatorsXlsx,
} from '../../test-support/evaluator-files';
import { XLSX_TYPE } from '../roster/read-roster-file';

let f: AppFixture;
beforeAll(async () => {
  f = await appFixture();
});
afterAll(async () => {
  await f.close();
});

type Role = 'secretariat' | 'chair' | 'technician';
const put = (payload: Buffer | object, type = 'text/csv', role: Role = 'secretariat') =>
  f.app.inject({
    method: 'PUT',
    url: '/api/sessions/current/evaluators',
    headers: { ...f.auth(role), 'content-type': type },
    payload: payload as Buffer,
  });
const get = (url: string, role: Role = 'secretariat') =>
  f.app.inject({ url, headers: f.auth(role) });
const start = (title: string, kind?: 'committee' | 'evaluation') =>
  f.app.inject({
    method: 'POST',
    url: '/api/sessions',
    headers: f.auth('secretariat'),
    payload: kind ? { title, kind } : { title },
  });
const evaluators = async () =>
  ((await get('/api/sessions/current/evaluators')).json() as { entries: unknown[] }).entries;
const roster = async () =>
  ((await get('/api/roster')).json() as { entries: { memberId: string }[] }).entries;
const GROUPS = [
  { group: '两代表一委员', count: 20 },
  { group: '服务对象代表', count: 22 },
];

describe('sittings have a kind (issue 14)', () => {
  it('starts a committee sitting by default and an evaluation meeting when asked', async () => {
    expect((await start('第十四届常委会第十次会议')).statusCode).toBe(200);
    expect((await get('/api/sessions/current')).json()).toMatchObject({ kind: 'committee' });
    expect((await start('群众评议会议', 'evaluation')).statusCode).toBe(200);
    expect((await get('/api/sessions/current')).json()).toMatchObject({ kind: 'evaluation' });
    const bad = await start('x', 'plenary' as 'committee');
    expect(bad.statusCode).toBe(400);
  });
});

describe('PUT /api/sessions/current/evaluators', () => {
  it('is refused in a committee sitting, and changes nothing', async () => {
    await start('第十四届常委会第十次会议');
    const committee = await roster();
    const res = await put(evaluatorsCsv());
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'NOT_AN_EVALUATION_MEETING' });
    expect(await evaluators()).toEqual([]);
    expect(await roster()).toEqual(committee);
  });

  it.each([
    ['a UTF-8 CSV', () => evaluatorsCsv(), 'text/csv'],
    ['a UTF-8 CSV with a BOM', () => evaluatorsBomCsv(), 'application/vnd.ms-excel'],
    ['a GB18030 CSV', () => evaluatorsGbCsv(), 'text/csv; charset=gbk'],
    ['an XLSX workbook', () => evaluatorsXlsx(), XLSX_TYPE],
    [
      'JSON {csvBase64}',
      () => ({ csvBase64: evaluatorsGbCsv().toString('base64') }),
      'application/json',
    ],
  ] as const)('imports %s in an evaluation meeting', async (_what, file, type) => {
    await start('群众评议会议', 'evaluation');
    const res = await put(await file(), type);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ evaluators: 42, groups: GROUPS });
    expect(await evaluators()).toEqual(EVALUATORS);
    // The roster in effect: the evaluators, as members with their group.
    const inEffect = await roster();
    expect(inEffect).toHaveLength(42);
    expect(inEffect[0]).toEqual({
      memberId: 'E001',
      name: '评议代表1',
      role: 'member',
      seat: 'A-29',
      group: '两代表一委员',
    });
    const seats = (await get('/api/seats')).json() as {
      seats: { seat: string; name: string | null }[];
    };
    expect(seats.seats.find((s) => s.seat === 'A-1')!.name).toBeNull();
    expect(seats.seats.find((s) => s.seat === 'W-1')!.name).toBe('服务对象1');
    expect((await get('/api/attendance')).json()).toMatchObject({
      members: 42,
      present: 0,
      quorumMet: false,
    });
  });

  it('refuses a bad file naming the line (duplicates, unknown seats), and changes nothing', async () => {
    await start('群众评议会议', 'evaluation');
    expect((await put(evaluatorsCsv())).statusCode).toBe(200);
    const dupId = evaluatorRows();
    dupId[10]![0] = 'E002';
    const dupSeat = evaluatorRows();
    dupSeat[10]![3] = 'A-29';
    const unknown = evaluatorRows();
    unknown[10]![3] = 'B-1';
    for (const [bytes, type, why] of [
      [evaluatorsGbCsv(dupId), 'text/csv', '评议人员名单第 11 行：评议人员编号 E002 与第 3 行重复'],
      [
        evaluatorsBomCsv(dupSeat),
        'text/csv',
        'evaluators line 11: seat A-29 already given on line 2',
      ],
      [
        await evaluatorsXlsx(unknown),
        XLSX_TYPE,
        'evaluators sheet "评议人员" row 11: seat B-1 is not a seat of this hall',
      ],
      [Buffer.from([0xff, 0xfe, 0x00]), 'application/octet-stream', 'neither UTF-8 nor GB18030'],
    ] as const) {
      const res = await put(bytes, type);
      expect(res.statusCode, why).toBe(422);
      expect(res.json()).toMatchObject({ code: 'EVALUATORS_INVALID' });
      expect((res.json() as { message: string }).message).toContain(why);
      expect(await evaluators()).toEqual(EVALUATORS);
    }
    expect((await put({}, 'application/json')).statusCode).toBe(400);
  });

  it('only the secretariat imports; chair and secretariat read; the technician reads nothing', async () => {
    await start('群众评议会议', 'evaluation');
    expect((await put(evaluatorsCsv(), 'text/csv', 'chair')).statusCode).toBe(403);
    expect((await put(evaluatorsCsv(), 'text/csv', 'technician')).statusCode).toBe(403);
    expect((await put(evaluatorsCsv())).statusCode).toBe(200);
    expect((await get('/api/sessions/current/evaluators', 'chair')).statusCode).toBe(200);
    expect((await get('/api/sessions/current/evaluators', 'technician')).statusCode).toBe(403);
    const none = await f.app.inject({ url: '/api/sessions/current/evaluators' });
    expect(none.statusCode).toBe(401);
  });

  it('is locked once a vote of the meeting has opened; a new committee sitting brings the committee back', async () => {
    await start('第十四届常委会第十次会议');
    const committee = await roster();
    expect(committee).toHaveLength(64);
    await start('群众评议会议', 'evaluation');
    expect((await put(evaluatorsCsv())).statusCode).toBe(200);
    const hall = f.app.hall;
    hall.openCheckin();
    for (const seat of EVALUATOR_SEATS.slice(0, 3)) pressAt(seat);
    hall.presses.flush();
    hall.closeCheckin();
    expect((await get('/api/attendance')).json()).toMatchObject({
      members: 42,
      present: 3,
      quorumMet: true,
    });
    const open = await f.app.inject({
      method: 'POST',
      url: '/api/votes',
      headers: f.auth('chair'),
      payload: { title: '对某党支部的评议', profile: 'anhui-2013' },
    });
    expect(open.statusCode, open.body).toBe(200);
    const locked = await put(evaluatorsCsv());
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({ code: 'EVALUATORS_LOCKED' });
    hall.votes.close();
    expect((await put(evaluatorsCsv())).json()).toMatchObject({ code: 'EVALUATORS_LOCKED' });
    await start('第十四届常委会第十一次会议');
    expect(await roster()).toEqual(committee);
    expect((await get('/api/attendance')).json()).toMatchObject({ members: 60, present: 0 });
  });
});

/** A press at `seat` on its FakeBus (key 1), as the hardware would deliver it. */
function pressAt(seat: string) {
  const [bus, address] = seat.split('-') as ['A' | 'W', string];
  f.buses[bus].press(Number(address), [1]);
}
