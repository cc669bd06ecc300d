import { describe, expect, it } from 'vitest';
import { seedProfile, tally, type Profile, type SealedRecord } from '@hall/shared';
import { canonicalHash } from '../canonical';
import { decided } from '../decided';
import { sealRecord } from '../seal';
import { bodyFor, sampleChain, tempKey } from '../../../test-support/test-records';
import { expectRowIsRecord, readXlsx } from '../../../test-support/read-xlsx';
import { recordsXlsx } from './xlsx';

const key = tempKey();
const chain = sampleChain(key); // anhui-2013, zizhou, shenzhen-2011
const SITTING = '第十四届人大常委会第二十次会议';

/** A profile with four options (比较满意 on key 4), to see option columns follow the option sets. */
const fourLevel: Profile = (() => {
  const base = seedProfile('anhui-2013')!;
  return {
    ...base,
    id: 'four-level-test',
    name: { zh: '四档测评（测试）', en: 'Four levels (test)' },
    optionSet: {
      ...base.optionSet,
      id: 'four-level',
      options: [
        ...base.optionSet.options,
        { key: 'fairly-satisfied', label: { zh: '比较满意', en: 'Fairly satisfied' }, seatKey: 4 },
      ],
    },
  };
})();

const correction = sealRecord(
  {
    ...bodyFor(2, 'zizhou', { satisfied: 40, 'basically-satisfied': 2, unsatisfied: 12 }),
    corrects: {
      seq: 2,
      hash: canonicalHash(chain[1]),
      reason: '计票员将满意票误计为不满意票',
      proposedBy: 'secretariat',
      confirmedBy: 'chair',
      previousOutcome: { id: 'unsatisfied', label: { zh: '不满意', en: 'Unsatisfied' } },
    },
  },
  chain[2]!,
  key,
);
const counts4 = {
  satisfied: 20,
  'basically-satisfied': 9,
  unsatisfied: 11,
  'fairly-satisfied': 14,
};
const four = sealRecord(
  {
    ...bodyFor(5, 'anhui-2013', {}),
    title: '=HYPERLINK("http://evil.example","点击")',
    profile: fourLevel,
    ...decided(tally(fourLevel, { members: 62, present: 55, invalid: 1, counts: counts4 })),
    openedAt: '2026-12-01T19:14:15.000Z', // already 2 December in Beijing
  },
  correction,
  key,
);
const all: SealedRecord[] = [...chain, correction, four];

describe('XLSX of all results (issue 13)', () => {
  it('reads back with every figure equal to the sealed records, counts as numbers', async () => {
    const xlsx = await recordsXlsx(all, () => SITTING);
    const book = await readXlsx(xlsx);
    expect(book.title).toContain('常委会会议厅');
    expect(book.title).toContain('北京时间');
    expect(book.headers.slice(0, 10)).toEqual([
      '序号',
      '会议',
      '会议编号',
      '测评编号',
      '测评事项',
      '报告机关',
      '测评办法',
      '应到',
      '实到',
      '有效',
    ]);
    // The option columns: the union of the option sets, in their order, headed in Chinese.
    expect(book.headers.slice(10, 14)).toEqual(['满意', '基本满意', '不满意', '比较满意']);
    expect(book.rows).toHaveLength(all.length);
    const options = { 'fairly-satisfied': '比较满意' };
    book.rows.forEach((row, i) => expectRowIsRecord(row, all[i]!, SITTING, options));

    // Literal checks, independent of the helpers above.
    expect(book.rows.map((r) => r.测评结果!.value)).toEqual([
      '满意',
      '不满意',
      '应当整改',
      '满意',
      '不满意', // 20 + 9 < 31
    ]);
    expect(book.rows[3]!.更正说明!.value).toBe(
      '更正记录：更正第 2 号记录（原结果：不满意），理由：计票员将满意票误计为不满意票；提议：secretariat，确认：chair',
    );
    expect(book.rows[1]!.被更正情况!.value).toBe('本记录已由第 4 号记录更正');
    expect(book.rows[4]!['开始时间（北京时间）']!.value).toBe('2026-12-02 03:14:15');
    expect(book.rows[4]!.比较满意).toMatchObject({ value: 14, numeric: true });
    expect(book.rows[0]!.比较满意!.value).toBeNull();
    expect(book.rows[0]!['宣布时间（北京时间）']!.value).toBe('2026-11-26 17:01:45');
  });

  it('keeps a formula-like title as text (a string cell, never a formula), frozen headers, widths', async () => {
    const book = await readXlsx(await recordsXlsx(all));
    const cell = book.rows[4]!.测评事项!;
    expect(cell).toEqual({
      value: '=HYPERLINK("http://evil.example","点击")',
      numeric: false,
      formula: false,
    });
    expect(book.rows[0]!.会议!.value).toBe('会议编号 1');
    expect(book.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(book.sheet.getColumn(5).width).toBeGreaterThan(30); // the titles are long
    expect(book.sheet.getColumn(1).width).toBeGreaterThanOrEqual(6);
  });

  it('an empty chain is a sheet with headers and no rows', async () => {
    const book = await readXlsx(await recordsXlsx([]));
    expect(book.headers[0]).toBe('序号');
    expect(book.rows).toHaveLength(0);
  });
});
