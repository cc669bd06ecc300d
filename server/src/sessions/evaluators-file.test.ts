import { describe, expect, it } from 'vitest';
import { demoHallConfig } from '../config/demo-hall';
import { XLSX_TYPE } from '../roster/read-roster-file';
import {
  EVALUATORS,
  evaluatorRows,
  evaluatorsBomCsv,
  evaluatorsCsv,
  evaluatorsGbCsv,
  evaluatorsXlsx,
} from '../../test-support/evaluator-files';
import { readEvaluatorsFile } from './evaluators-file';
import { MAX_EVALUATORS } from './evaluators-rows';
import { groupCounts } from './evaluators-service';

const seats = new Set(demoHallConfig().seats);
const read = (bytes: Uint8Array, contentType?: string) =>
  readEvaluatorsFile(bytes, seats, contentType ? { contentType } : {});
const refusal = async (bytes: Uint8Array, contentType?: string) => {
  const e = (await read(bytes, contentType).then(
    () => null,
    (err: unknown) => err,
  )) as { code: string; message: string } | null;
  expect(e, 'refused').not.toBeNull();
  expect(e!.code).toBe('EVALUATORS_INVALID');
  return e!.message;
};

describe('evaluators files (issue 14: evaluator_id,name,group,seat)', () => {
  it.each([
    ['UTF-8', () => evaluatorsCsv()],
    ['UTF-8 with a BOM', () => evaluatorsBomCsv()],
    ['GB18030 (Excel on a Chinese Windows)', () => evaluatorsGbCsv()],
    ['XLSX', () => evaluatorsXlsx()],
    [
      'the Chinese header',
      () => evaluatorsGbCsv(evaluatorRows(EVALUATORS, ['评议人员编号', '姓名', '组别', '座位'])),
    ],
  ] as const)('reads %s', async (_what, file) => {
    expect(await read(await file())).toEqual(EVALUATORS);
  });

  it('counts the groups in the order they first appear', () => {
    expect(groupCounts(EVALUATORS)).toEqual([
      { group: '两代表一委员', count: 20 },
      { group: '服务对象代表', count: 22 },
    ]);
  });

  it('refuses a bad file naming the line or row and the problem', async () => {
    const cases: [string[][], string][] = [];
    const with_ = (i: number, col: number, value: string) => {
      const rows = evaluatorRows();
      rows[i]![col] = value;
      return rows;
    };
    cases.push([
      with_(3, 0, 'E001'),
      '评议人员名单第 4 行：评议人员编号 E001 与第 2 行重复 / evaluators line 4: evaluator_id E001 already on line 2',
    ]);
    cases.push([
      with_(5, 3, 'A-29'),
      '评议人员名单第 6 行：席位 A-29 已在第 2 行分配 / evaluators line 6: seat A-29 already given on line 2',
    ]);
    cases.push([
      with_(2, 3, 'Z-9'),
      '评议人员名单第 3 行：席位 Z-9 不属于本会场 / evaluators line 3: seat Z-9 is not a seat of this hall',
    ]);
    cases.push([with_(7, 1, ''), 'evaluators line 8: the name is empty']);
    cases.push([with_(7, 2, ''), '评议人员名单第 8 行：组别为空']);
    cases.push([with_(7, 2, 'a\u202Eb'), 'evaluators line 8: the group contains a forbidden']);
    cases.push([with_(9, 0, 'E 9'), 'evaluator_id "E 9" must be']);
    cases.push([
      with_(0, 2, 'role'),
      'evaluators line 1: the header must be "evaluator_id,name,group,seat"',
    ]);
    cases.push([[evaluatorRows()[0]!], 'no evaluator in the file']);
    for (const [rows, why] of cases) {
      expect(await refusal(evaluatorsGbCsv(rows)), why).toContain(why);
    }
    const rows = with_(4, 3, 'Z-1');
    expect(await refusal(await evaluatorsXlsx(rows), XLSX_TYPE)).toContain(
      '评议人员名单工作表“评议人员”第 5 行：席位 Z-1 不属于本会场 / evaluators sheet "评议人员" row 5',
    );
  });

  it('refuses bytes that are no text, a fake XLSX, and more than 10,000 evaluators', async () => {
    expect(await refusal(Buffer.from([0xff, 0xfe, 0x00]))).toContain(
      '评议人员名单文件既不是 UTF-8 也不是 GB18030',
    );
    expect(await refusal(Buffer.from([0xef, 0xbb, 0xbf, 0xff]))).toContain('evaluators file:');
    expect(await refusal(evaluatorsCsv(), XLSX_TYPE)).toContain('not a valid XLSX file');
    const many = Array.from({ length: MAX_EVALUATORS + 1 }, (_, i) => ({
      evaluatorId: `X${i}`,
      name: '某',
      group: '组',
      seat: null,
    }));
    expect(await refusal(evaluatorsCsv(evaluatorRows(many)))).toContain(
      `evaluators line ${MAX_EVALUATORS + 2}: more than ${MAX_EVALUATORS} evaluators`,
    );
    expect(await read(evaluatorsCsv(evaluatorRows(many.slice(1))))).toHaveLength(MAX_EVALUATORS);
  });
});
