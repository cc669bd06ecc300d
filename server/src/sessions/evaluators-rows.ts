import type { Evaluator } from '@hall/shared';
import { invalid, oneLine } from '../errors';
import {
  claimSeat,
  headerColumns,
  requireSafeCell,
  type RosterPlace,
  type RosterRow,
} from '../roster/roster-rows';

/** More rows than any evaluation meeting has (seed 第二篇: 42 evaluators). */
export const MAX_EVALUATORS = 10_000;

export const EVALUATORS_CSV_PLACE: RosterPlace = {
  zh: (at) => `评议人员名单第 ${at} 行`,
  en: (at) => `evaluators line ${at}`,
};

export const evaluatorsSheetPlace = (sheet: string): RosterPlace => ({
  zh: (at) => `评议人员名单工作表“${sheet}”第 ${at} 行`,
  en: (at) => `evaluators sheet "${sheet}" row ${at}`,
});

type Field = 'evaluatorId' | 'name' | 'group' | 'seat';

/** The accepted header names of each column, trimmed and case-insensitive, in any order. */
export const EVALUATOR_HEADER_NAMES: Record<Field, readonly string[]> = {
  evaluatorId: ['evaluator_id', '评议人员编号'],
  name: ['name', '姓名'],
  group: ['group', '组别'],
  seat: ['seat', '座位'],
};
const FIELDS = Object.keys(EVALUATOR_HEADER_NAMES) as Field[];
const ENGLISH = FIELDS.map((f) => EVALUATOR_HEADER_NAMES[f][0]).join(',');
const CHINESE = FIELDS.map((f) => EVALUATOR_HEADER_NAMES[f][1]).join(',');

const columnsOf = (header: readonly string[]) => headerColumns(header, EVALUATOR_HEADER_NAMES);

/**
 * Check the rows of an evaluators file as a whole (issue 14, server/README.md "Evaluators
 * files"): the header `evaluator_id,name,group,seat` (or 评议人员编号,姓名,组别,座位), then one
 * invited evaluator per row: an id of letters, digits, - and _, a name and a group (两代表一委员,
 * 服务对象代表…) without unsafe characters, a seat of this hall or empty (a paper ballot), no id
 * or seat twice, at least one and at most MAX_EVALUATORS. Throws EVALUATORS_INVALID naming the
 * row (`where`) and the problem; returns only if every row is sound.
 */
export function checkEvaluatorRows(
  rows: readonly RosterRow[],
  hallSeats: ReadonlySet<string>,
  where: RosterPlace,
  padShort = false,
): Evaluator[] {
  const bad = (at: number, zh: string, en: string) =>
    invalid('EVALUATORS_INVALID', oneLine(`${where.zh(at)}：${zh} / ${where.en(at)}: ${en}`));
  const header = rows[0];
  const columns = header ? columnsOf(header.cells) : null;
  if (!header || !columns) {
    const got = header?.cells.join(',') ?? '';
    throw bad(
      header?.at ?? 1,
      `表头应为“${ENGLISH}”或“${CHINESE}”（实际为“${got}”）`,
      `the header must be "${ENGLISH}" or "${CHINESE}" (got "${got}")`,
    );
  }
  const body = rows.slice(1);
  if (body.length === 0) throw bad(header.at, '名单中没有评议人员', 'no evaluator in the file');
  if (body.length > MAX_EVALUATORS) {
    throw bad(
      body[MAX_EVALUATORS]!.at,
      `评议人员超过 ${MAX_EVALUATORS} 人`,
      `more than ${MAX_EVALUATORS} evaluators`,
    );
  }
  const unit = where === EVALUATORS_CSV_PLACE ? 'line' : 'row';
  const entries: Evaluator[] = [];
  const ids = new Map<string, number>();
  const seats = new Map<string, number>();
  for (const { at, cells: raw } of body) {
    const cells = padShort && raw.length < FIELDS.length ? [...raw, '', '', ''].slice(0, 4) : raw;
    if (cells.length !== FIELDS.length) {
      throw bad(at, `应有 4 列，实有 ${cells.length} 列`, `expected 4 fields, got ${cells.length}`);
    }
    const [evaluatorId, name, group, seat] = FIELDS.map((f) => cells[columns[f]]!.trim()) as [
      string,
      string,
      string,
      string,
    ];
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(evaluatorId)) {
      throw bad(
        at,
        `评议人员编号“${evaluatorId}”须为 1-32 个字母、数字、- 或 _`,
        `evaluator_id "${evaluatorId}" must be 1-32 letters, digits, - or _`,
      );
    }
    for (const [value, zh, en] of [
      [name, '姓名', 'the name'],
      [group, '组别', 'the group'],
    ] as const) {
      if (value === '') throw bad(at, `${zh}为空`, `${en} is empty`);
      requireSafeCell(bad, at, value, zh, en);
      if (value.length > 200) throw bad(at, `${zh}超过 200 个字符`, `${en} is over 200 characters`);
    }
    const first = ids.get(evaluatorId);
    if (first !== undefined) {
      throw bad(
        at,
        `评议人员编号 ${evaluatorId} 与第 ${first} 行重复`,
        `evaluator_id ${evaluatorId} already on ${unit} ${first}`,
      );
    }
    ids.set(evaluatorId, at);
    claimSeat(bad, at, seat, hallSeats, seats, unit);
    entries.push({ evaluatorId, name, group, seat: seat === '' ? null : seat });
  }
  return entries;
}
