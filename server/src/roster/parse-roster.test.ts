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
    [
      'a missing header',
      'M001,张三,member,A-1\n',
      /^名单第 1 行：表头应为“member_id,name,role,seat”.* \/ roster line 1: the header must be/,
    ],
    [
      'a seat not in the hall',
      `${HEADER}M001,张三,member,A-1\nM002,王五,member,B-7\n`,
      /^名单第 3 行：席位 B-7 不属于本会场 \/ roster line 3: seat B-7 is not a seat of this hall$/,
    ],
    [
      'a duplicate member id',
      `${HEADER}M001,张三,member,A-1\nM001,王五,member,A-2\n`,
      /^名单第 3 行：人员编号 M001 与第 2 行重复 \/ roster line 3: member_id M001 already on line 2$/,
    ],
    [
      'a duplicate seat',
      `${HEADER}M001,张三,member,A-1\n\nM002,王五,member,A-1\n`,
      /^名单第 4 行：席位 A-1 已在第 2 行分配 \/ roster line 4: seat A-1 already given on line 2$/,
    ],
    [
      'a bad role',
      `${HEADER}M001,张三,chairman,A-1\n`,
      /^名单第 2 行：身份“chairman”须为 member（组成人员）或 observer（列席） \/ roster line 2: role "chairman" must be member or observer$/,
    ],
    [
      'a missing field',
      `${HEADER}M001,张三,member\n`,
      /^名单第 2 行：应有 4 列，实有 3 列 \/ roster line 2: expected 4 fields, got 3$/,
    ],
    [
      'an empty name',
      `${HEADER}M001,,member,A-1\n`,
      /^名单第 2 行：姓名为空 \/ roster line 2: the name is empty$/,
    ],
  ])('refuses %s, naming the line', (_what, text, message) => {
    expect(() => parse(text)).toThrow(message);
  });

  it('keeps the reason on one line when a quoted field holds a line break', () => {
    const text = `${HEADER}"M\n001",张三,member,A-1\n`;
    expect(() => parse(text)).toThrow(
      /^名单第 2 行：人员编号“M 001”.* \/ roster line 2: member_id "M 001"/,
    );
    expect(() => parse(`${HEADER}M001,张三,"chair\r\nman",A-1\n`)).toThrow(/^[^\n\r]*$/);
  });

  it('refuses a file that is not UTF-8 (GBK), naming the line', () => {
    // "张三" in GBK is d5 c5 c8 fd: not valid UTF-8.
    const gbk = Buffer.concat([
      Buffer.from(`${HEADER}M001,`, 'utf8'),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
      Buffer.from(',member,A-1\n', 'utf8'),
    ]);
    expect(() => parse(gbk)).toThrow(
      '名单文件不是 UTF-8 编码（第 2 行） / roster: not UTF-8 text (line 2)',
    );
  });
});
