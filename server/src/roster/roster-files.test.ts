import { describe, expect, it } from 'vitest';
import { demoHallConfig } from '../config/demo-hall';
import {
  CHINESE_HEADER,
  ROSTER,
  gb18030Csv,
  rosterRows,
  rosterXlsx,
  utf8BomCsv,
  utf8Csv,
} from '../../test-support/roster-files';
import { decodeRosterText } from './decode-roster';
import { readRosterFile, rosterFileKind, XLSX_TYPE } from './read-roster-file';
import { cellText } from './read-xlsx';

const SEATS = new Set(demoHallConfig().seats);
const read = (bytes: Uint8Array, contentType?: string) =>
  readRosterFile(bytes, SEATS, contentType ? { contentType } : {});

/** ROSTER with its third line (file line 3 = the second person) broken: a seat not in the hall. */
const broken = (header?: string[]) => {
  const rows = rosterRows(header);
  rows[2]![3] = 'Z-99';
  return rows;
};

describe('roster files as the secretariat has them (issue 13)', () => {
  it.each([
    ['a plain UTF-8 CSV', () => utf8Csv(), 'utf-8'],
    ['a UTF-8 CSV with a BOM', () => utf8BomCsv(), 'utf-8-bom'],
    ['a GB18030 (GBK) CSV', () => gb18030Csv(), 'gb18030'],
  ] as const)('reads %s, detecting the encoding', async (_what, file, encoding) => {
    expect(decodeRosterText(file()).encoding).toBe(encoding);
    expect(await read(file())).toEqual(ROSTER);
  });

  it('reads every kind with the Chinese headers (代表编号,姓名,身份,座位) and 组成人员/列席', async () => {
    const rows = rosterRows(CHINESE_HEADER);
    for (const bytes of [utf8Csv(rows), utf8BomCsv(rows), gb18030Csv(rows), await rosterXlsx(rows)])
      expect(await read(bytes)).toEqual(ROSTER);
  });

  it('reads an XLSX roster: the first sheet, numbers as text without ".0"', async () => {
    const xlsx = await rosterXlsx();
    expect(rosterFileKind(xlsx)).toBe('xlsx');
    expect(await read(xlsx, XLSX_TYPE)).toEqual(ROSTER);
    // the bytes decide: an XLSX sent as CSV is still read as XLSX
    expect(await read(xlsx, 'text/csv')).toEqual(ROSTER);
    expect(cellText(1001)).toBe('1001');
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText({ richText: [{ text: ' 张' }, { text: '三 ' }] })).toBe('张三');
    expect(cellText({ formula: 'A1', result: 7 })).toBe('7');
    expect(cellText({ text: 'A-1', hyperlink: 'x' })).toBe('A-1');
  });

  it('refuses a CSV with a broken row in each encoding, naming the line', async () => {
    for (const bytes of [utf8Csv(broken()), utf8BomCsv(broken()), gb18030Csv(broken())]) {
      await expect(read(bytes)).rejects.toMatchObject({
        code: 'ROSTER_INVALID',
        message:
          '名单第 3 行：席位 Z-99 不属于本会场 / roster line 3: seat Z-99 is not a seat of this hall',
      });
    }
  });

  it('refuses an XLSX with a broken row, naming the sheet row (第 N 行 / row N)', async () => {
    await expect(read(await rosterXlsx(broken(CHINESE_HEADER)))).rejects.toMatchObject({
      code: 'ROSTER_INVALID',
      message:
        '名单工作表“名单”第 3 行：席位 Z-99 不属于本会场 / roster sheet "名单" row 3: seat Z-99 is not a seat of this hall',
    });
    const rows = rosterRows();
    rows[3]![2] = '主任';
    await expect(read(await rosterXlsx(rows, 'Sheet1'))).rejects.toThrow(
      'roster sheet "Sheet1" row 4: role "主任" must be member or observer',
    );
    const dup = rosterRows();
    dup[2]![0] = '1001';
    await expect(read(await rosterXlsx(dup))).rejects.toThrow(
      '第 3 行：人员编号 1001 与第 2 行重复 / roster sheet "名单" row 3: member_id 1001 already on row 2',
    );
    await expect(
      read(
        await rosterXlsx([
          ['编号', '姓名'],
          ['1', '甲'],
        ]),
      ),
    ).rejects.toThrow('roster sheet "名单" row 1: the header must be');
  });

  it('refuses a file that is neither UTF-8 nor GB18030 nor XLSX, saying what it is not', async () => {
    // 0xff begins no character of UTF-8 or GB18030; the header is 25 bytes, "M1," 3 more.
    const neither = Buffer.concat([
      Buffer.from('member_id,name,role,seat\nM1,'),
      Buffer.from([0xff, 0x41]),
    ]);
    await expect(read(neither)).rejects.toMatchObject({ code: 'ROSTER_INVALID' });
    await expect(read(neither)).rejects.toThrow(
      /^名单文件既不是 UTF-8 也不是 GB18030（GBK）编码：第 2 行（第 28 字节）.* \/ roster: neither UTF-8 nor GB18030 \(GBK\) text: cannot decode line 2 \(byte offset 28\)/,
    );
    // UTF-16 (what "Unicode text" saves): its BOM is no byte of UTF-8 or GB18030
    await expect(read(Buffer.from('\uFEFFmember_id', 'utf16le'))).rejects.toThrow(
      'line 1 (byte offset 0)',
    );
    const badAfterBom = Buffer.concat([utf8BomCsv(), Buffer.from([0xd5, 0xc5])]);
    await expect(read(badAfterBom)).rejects.toThrow(
      'starts with a UTF-8 BOM but is not valid UTF-8 at line 5',
    );
    await expect(read(Buffer.from('not a workbook'), XLSX_TYPE)).rejects.toThrow(
      'not a valid XLSX file (not a zip archive)',
    );
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]);
    await expect(read(brokenZip)).rejects.toThrow('roster: cannot read the XLSX file');
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(read(xls)).rejects.toThrow('an old Excel .xls file or an encrypted workbook');
  });
});
