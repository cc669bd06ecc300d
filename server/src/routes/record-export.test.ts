import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { SealedRecord } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';
import { expectRowIsRecord, readXlsx } from '../../test-support/read-xlsx';
import { XLSX_TYPE } from '../records/render/xlsx';

/**
 * Issue 13 over HTTP, on a real hall: two votes under two profiles and a correction, then the
 * XLSX, the CSV and the PDF, each compared with the sealed records the hall serves.
 */
const SITTING = '第十四届人大常委会第二十次会议';
let f: AppFixture;
let records: SealedRecord[];

beforeAll(async () => {
  f = await appFixture();
  const op = f.auth('operator');
  const post = async (url: string, payload?: object, headers = op) => {
    const r = await f.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
    expect(r.statusCode, `${url} ${r.body}`).toBe(200);
    return r;
  };
  await post('/api/sessions', { title: SITTING });
  for (let i = 1; i <= 35; i++) {
    await post('/api/attendance/mark', {
      memberId: `M${String(i).padStart(3, '0')}`,
      present: true,
    });
  }
  const vote = async (title: string, profile: string, keys: (i: number) => number) => {
    await post('/api/votes', { title, profile });
    for (let i = 1; i <= 32; i++) {
      await post('/api/demo/press', { seat: `A-${i}`, keys: [keys(i)] }, f.auth('technician'));
    }
    await post('/api/votes/latest/close');
    await post('/api/votes/latest/announce');
  };
  await vote('省人民政府关于执行工作的报告', 'anhui-2013', () => 3);
  await vote('省人民政府关于环境保护工作的报告', 'zizhou', (i) => (i <= 20 ? 1 : i <= 28 ? 2 : 3));
  await post(
    '/api/records/1/corrections',
    {
      members: 60,
      present: 35,
      invalid: 0,
      counts: { satisfied: 31, unsatisfied: 1 },
      reason: '复核发现计票有误',
    },
    op,
  );
  await post('/api/corrections/1/confirm', undefined, f.auth('chair'));
  records = (
    (await f.app.inject({ url: '/api/records', headers: f.auth('chair') })).json() as {
      records: SealedRecord[];
    }
  ).records;
  expect(records.map((r) => [r.profile.id, r.corrects?.seq ?? null])).toEqual([
    ['anhui-2013', null],
    ['zizhou', null],
    ['anhui-2013', 1],
  ]);
}, 120_000);

afterAll(async () => {
  await f?.close();
});

describe('exports of the sealed records (issue 13)', () => {
  it('GET /api/records/export.xlsx: every figure read back equals the sealed records', async () => {
    const res = await f.app.inject({
      url: '/api/records/export.xlsx',
      headers: f.auth('secretariat'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(res.headers['content-disposition']).toBe('attachment; filename="records.xlsx"');
    const book = await readXlsx(res.rawPayload);
    expect(book.rows).toHaveLength(records.length);
    book.rows.forEach((row, i) => expectRowIsRecord(row, records[i]!, SITTING));
    expect(book.rows.map((r) => [r.不满意!.value, r.测评结果!.value])).toEqual([
      [32, '不满意'],
      [4, records[1]!.profile.outcomes.find((o) => o.id === records[1]!.outcome)!.label.zh],
      [1, '满意'],
    ]);
    const tech = await f.app.inject({
      url: '/api/records/export.xlsx',
      headers: f.auth('technician'),
    });
    expect(tech.statusCode).toBe(403);
    expect((await f.app.inject({ url: '/api/records/export.xlsx' })).statusCode).toBe(401);
  });

  it('GET /api/records/export.csv: BOM, Chinese headers, the sitting, Beijing time', async () => {
    const res = await f.app.inject({ url: '/api/records/export.csv', headers: f.auth('chair') });
    expect(res.statusCode).toBe(200);
    expect(res.body.startsWith('\uFEFF序号,会议,')).toBe(true);
    const rows: Record<string, string>[] = parse(res.body.slice(1), { columns: true });
    expect(rows.map((r) => [r.序号, r.会议, r.不满意])).toEqual([
      ['1', SITTING, '32'],
      ['2', SITTING, '4'],
      ['3', SITTING, '1'],
    ]);
    const at = records[0]!.announcedAt;
    expect(rows[0]!['宣布时间（UTC）']).toBe(at);
    expect(rows[0]!['宣布时间（北京时间）']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const utcHour = Number(at.slice(11, 13));
    expect(Number(rows[0]!['宣布时间（北京时间）']!.slice(11, 13))).toBe((utcHour + 8) % 24);
  });

  it('GET /api/records/:seq/pdf names the sitting, the date, the signers, the seq and hash', async () => {
    const res = await f.app.inject({ url: '/api/records/3/pdf', headers: f.auth('chair') });
    expect(res.statusCode).toBe(200);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'hall-pdf-')), 'r.pdf');
    writeFileSync(file, res.rawPayload);
    const flat = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    expect(flat).toContain(SITTING);
    expect(flat).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    for (const who of ['主持人', '计票人', '监票人']) expect(flat).toContain(`${who}（签字）`);
    expect(flat).toContain('记录第3号');
    expect(flat).toContain('满意度测评结果（更正）');
  });
});
