import { describe, expect, it } from 'vitest';
import { demoHallConfig, demoRosterCsv } from '../config/demo-hall';
import { parseRoster } from './parse-roster';

const SEATS = new Set(demoHallConfig().seats);
const parse = (text: string | Uint8Array) =>
  parseRoster(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, SEATS);
const HEADER = 'member_id,name,role,seat\n';

describe('roster CSV (CONTRACT.md §4)', () => {
  it('reads the demo roster: 60 members, 4 observers, with a BOM and CRLF too', () => {
    const entries = parse(demoRosterCsv());
    expect(entries.filter((e) => e.role === 'member')).toHaveLength(60);
    expect(entries.filter((e) => e.role === 'observer')).toHaveLength(4);
    const crlf = `\uFEFF${HEADER}M001,张三,member,A-1\r\nO001,李四,observer,\r\n`.replace(
      /\n/g,
      '\r\n',
    );
    expect(parse(crlf)).toEqual([
      { memberId: 'M001', name: '张三', role: 'member', seat: 'A-1' },
      { memberId: 'O001', name: '李四', role: 'observer', seat: null },
    ]);
  });

  it.each([
    ['a missing header', 'M001,张三,member,A-1\n', 'roster line 1: the header must be'],
    [
      'a seat not in the hall',
      `${HEADER}M001,张三,member,A-1\nM002,王五,member,B-7\n`,
      'roster line 3: seat B-7 is not a seat of this hall',
    ],
    [
      'a duplicate member id',
      `${HEADER}M001,张三,member,A-1\nM001,王五,member,A-2\n`,
      'roster line 3: member_id M001 already on line 2',
    ],
    [
      'a duplicate seat',
      `${HEADER}M001,张三,member,A-1\n\nM002,王五,member,A-1\n`,
      'roster line 4: seat A-1 already given on line 2',
    ],
    [
      'a bad role',
      `${HEADER}M001,张三,chairman,A-1\n`,
      'roster line 2: role "chairman" must be member or observer',
    ],
    ['a missing field', `${HEADER}M001,张三,member\n`, 'roster line 2: expected 4 fields, got 3'],
    ['an empty name', `${HEADER}M001,,member,A-1\n`, 'roster line 2: the name is empty'],
  ])('refuses %s, naming the line', (_what, text, reason) => {
    expect(() => parse(text)).toThrow(expect.objectContaining({ code: 'ROSTER_INVALID' }));
    expect(() => parse(text)).toThrow(reason);
  });

  it('keeps the reason on one line when a quoted field holds a line break', () => {
    const text = `${HEADER}"M\n001",张三,member,A-1\n`;
    // Chinese first, then English, on one line (one check for the roster's refusals).
    expect(() => parse(text)).toThrow(
      /^\p{Script=Han}[^\n\r]* \/ roster line 2: member_id "M 001"/u,
    );
    expect(() => parse(`${HEADER}M001,张三,"chair\r\nman",A-1\n`)).toThrow(/^[^\n\r]*$/);
  });

  it('reads a GBK file (Excel\'s "CSV (逗号分隔)"), and refuses one that is neither, naming the line', () => {
    // "张三" in GBK is d5 c5 c8 fd: not valid UTF-8, valid GB18030.
    const gbk = Buffer.concat([
      Buffer.from(`${HEADER}M001,`, 'utf8'),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
      Buffer.from(',member,A-1\n', 'utf8'),
    ]);
    expect(parse(gbk)).toEqual([{ memberId: 'M001', name: '张三', role: 'member', seat: 'A-1' }]);
    // 0xff is no byte of UTF-8 or GB18030: offset 29 = the header (25) + "M001" (4).
    const neither = Buffer.concat([Buffer.from(`${HEADER}M001`), Buffer.from([0xff, 0x41])]);
    expect(() => parse(neither)).toThrow(expect.objectContaining({ code: 'ROSTER_INVALID' }));
    expect(() => parse(neither)).toThrow(
      'neither UTF-8 nor GB18030 (GBK) text: cannot decode line 2 (byte offset 29)',
    );
  });
});
