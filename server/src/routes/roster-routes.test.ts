import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';
import {
  CHINESE_HEADER,
  ROSTER,
  gb18030Csv,
  rosterRows,
  rosterXlsx,
  utf8BomCsv,
  utf8Csv,
} from '../../test-support/roster-files';
import { XLSX_TYPE } from '../roster/read-roster-file';

let f: AppFixture;
beforeAll(async () => {
  f = await appFixture();
});
afterAll(async () => {
  await f.close();
});

const post = (
  payload: Buffer | object,
  type: string,
  role: 'secretariat' | 'chair' = 'secretariat',
) =>
  f.app.inject({
    method: 'POST',
    url: '/api/roster',
    headers: { ...f.auth(role), 'content-type': type },
    payload: payload as Buffer,
  });
const roster = async () =>
  (
    (await f.app.inject({ url: '/api/roster', headers: f.auth('secretariat') })).json() as {
      entries: unknown[];
    }
  ).entries;
const sorted = [...ROSTER].sort((a, b) => a.memberId.localeCompare(b.memberId));

describe('POST /api/roster with the file as it is (issue 13)', () => {
  it.each([
    ['a GB18030 CSV', () => gb18030Csv(), 'text/csv'],
    ['a GB18030 CSV that says charset=gbk', () => gb18030Csv(), 'text/csv; charset=gbk'],
    ['a UTF-8 CSV with a BOM', () => utf8BomCsv(), 'application/vnd.ms-excel'],
    ['a UTF-8 CSV', () => utf8Csv(rosterRows(CHINESE_HEADER)), 'application/octet-stream'],
    ['an XLSX workbook', () => rosterXlsx(), XLSX_TYPE],
  ] as const)('imports %s', async (_what, file, type) => {
    await post(Buffer.from('member_id,name,role,seat\nX1,甲,member,\n'), 'text/csv');
    const res = await post(await file(), type);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ members: 2, observers: 1 });
    expect(await roster()).toEqual(sorted);
  });

  it('refuses a broken file with the line or row, and changes nothing', async () => {
    expect((await post(utf8Csv(), 'text/csv')).statusCode).toBe(200);
    const rows = rosterRows();
    rows[3]![1] = '';
    for (const [bytes, type, where] of [
      [gb18030Csv(rows), 'text/csv', '名单第 4 行：姓名为空 / roster line 4: the name is empty'],
      [utf8BomCsv(rows), 'text/csv', 'roster line 4: the name is empty'],
      [
        await rosterXlsx(rows),
        XLSX_TYPE,
        '第 4 行：姓名为空 / roster sheet "名单" row 4: the name is empty',
      ],
      [Buffer.from([0xff, 0xfe, 0x00]), 'application/octet-stream', 'neither UTF-8 nor GB18030'],
      [Buffer.from('member_id,name,role,seat\n'), XLSX_TYPE, 'not a valid XLSX file'],
    ] as const) {
      const res = await post(bytes, type);
      expect(res.statusCode, where).toBe(422);
      expect(res.json()).toMatchObject({ code: 'ROSTER_INVALID' });
      expect((res.json() as { message: string }).message).toContain(where);
      expect(await roster()).toEqual(sorted);
    }
  });

  it('still takes JSON {csvBase64}, now in GB18030 too; only the secretariat; no body is a 400', async () => {
    const json = await post({ csvBase64: gb18030Csv().toString('base64') }, 'application/json');
    expect(json.statusCode, json.body).toBe(200);
    expect((await post(utf8Csv(), 'text/csv', 'chair')).statusCode).toBe(403);
    const text = await post(Buffer.from('x'), 'text/plain');
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ code: 'INVALID_REQUEST' });
    const none = await f.app.inject({
      method: 'POST',
      url: '/api/roster',
      headers: f.auth('secretariat'),
    });
    expect(none.statusCode).toBe(400);
  });
});
