// Invited evaluators of an evaluation meeting (issue 14, seed 第二篇: 42 evaluators), as the
// files the secretariat imports. Test code only (iconv-lite encodes GB18030).
import type { Evaluator } from '@hall/shared';
import { seatId } from '@hall/shared';
import iconv from 'iconv-lite';
import { range } from './hall-fixture';
import { rosterXlsx } from './roster-files';

export const EVALUATOR_HEADER = ['evaluator_id', 'name', 'group', 'seat'];

/**
 * 42 evaluators: 20 两代表一委员 on A-29..A-40 and W-21..W-28, 22 服务对象代表 on W-1..W-20 and
 * two without a seat (paper ballots). Committee seats A-1..A-28 are not evaluator seats; the
 * demo roster's observers sit on W-27..W-30.
 */
export const EVALUATORS: Evaluator[] = [
  ...[...range(29, 40).map((a) => seatId('A', a)), ...range(21, 28).map((a) => seatId('W', a))].map(
    (seat, i) => ({
      evaluatorId: `E${String(i + 1).padStart(3, '0')}`,
      name: `评议代表${i + 1}`,
      group: '两代表一委员',
      seat,
    }),
  ),
  ...[...range(1, 20).map((a) => seatId('W', a) as string | null), null, null].map((seat, i) => ({
    evaluatorId: `E${String(i + 21).padStart(3, '0')}`,
    name: `服务对象${i + 1}`,
    group: '服务对象代表',
    seat,
  })),
];

/** The seats of EVALUATORS that have one. */
export const EVALUATOR_SEATS = EVALUATORS.flatMap((e) => (e.seat ? [e.seat] : []));

export function evaluatorRows(entries = EVALUATORS, header = EVALUATOR_HEADER): string[][] {
  return [[...header], ...entries.map((e) => [e.evaluatorId, e.name, e.group, e.seat ?? ''])];
}

const csvText = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
export const evaluatorsCsv = (rows = evaluatorRows()) => Buffer.from(csvText(rows), 'utf8');
export const evaluatorsBomCsv = (rows = evaluatorRows()) =>
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), evaluatorsCsv(rows)]);
export const evaluatorsGbCsv = (rows = evaluatorRows()) => iconv.encode(csvText(rows), 'gb18030');
export const evaluatorsXlsx = (rows = evaluatorRows()) => rosterXlsx(rows, '评议人员');
