import type { Evaluator } from '@hall/shared';
import { parse } from 'csv-parse/sync';
import { invalid, oneLine, ServiceError } from '../errors';
import { decodeRosterText } from '../roster/decode-roster';
import { cellText } from '../roster/read-xlsx';
import { rosterFileKind, type RosterFileHint } from '../roster/read-roster-file';
import type { RosterRow } from '../roster/roster-rows';
import {
  checkEvaluatorRows,
  EVALUATORS_CSV_PLACE,
  evaluatorsSheetPlace,
  MAX_EVALUATORS,
} from './evaluators-rows';

/**
 * Read and check an evaluation meeting's evaluators file (issue 14): the same kinds of file as
 * the roster (server/README.md "Roster files"; roster/decode-roster.ts, read-roster-file.ts):
 * CSV in UTF-8 (with or without BOM) or GB18030, or XLSX (the first sheet). Nothing is returned
 * unless every row is sound (evaluators-rows.ts); a bad file changes nothing.
 */
export async function readEvaluatorsFile(
  bytes: Uint8Array,
  hallSeats: ReadonlySet<string>,
  hint: RosterFileHint = {},
): Promise<Evaluator[]> {
  if (asEvaluators(() => rosterFileKind(bytes, hint)) === 'xlsx') {
    return readEvaluatorsXlsx(bytes, hallSeats);
  }
  return parseEvaluatorsCsv(bytes, hallSeats);
}

/** The roster readers' refusals, said of the evaluators file (code EVALUATORS_INVALID). */
function asEvaluators<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof ServiceError) || e.code !== 'ROSTER_INVALID') throw e;
    throw invalid(
      'EVALUATORS_INVALID',
      e.message.replace(/^名单/, '评议人员名单').replace(' / roster:', ' / evaluators file:'),
    );
  }
}

export function parseEvaluatorsCsv(bytes: Uint8Array, hallSeats: ReadonlySet<string>): Evaluator[] {
  const { text } = asEvaluators(() => decodeRosterText(bytes));
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    const err = e as { lines?: number; message: string };
    const line = err.lines ?? 1;
    throw invalid(
      'EVALUATORS_INVALID',
      oneLine(
        `${EVALUATORS_CSV_PLACE.zh(line)}：CSV 格式错误 / ${EVALUATORS_CSV_PLACE.en(line)}: not valid CSV: ${err.message}`,
      ),
    );
  }
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (l.trim() !== '') lines.push(i + 1);
  });
  return checkEvaluatorRows(
    rows.map((cells, i) => ({ at: lines[i] ?? i + 1, cells })),
    hallSeats,
    EVALUATORS_CSV_PLACE,
  );
}

/** The first worksheet of an XLSX, every cell as text (roster/read-xlsx.ts `cellText`). */
async function readEvaluatorsXlsx(
  bytes: Uint8Array,
  hallSeats: ReadonlySet<string>,
): Promise<Evaluator[]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (e) {
    const why = oneLine((e as Error).message ?? String(e)).slice(0, 200);
    throw invalid(
      'EVALUATORS_INVALID',
      `评议人员名单 XLSX 文件无法读取（已损坏或不是 Excel 工作簿） / evaluators file: cannot read the XLSX file (damaged or not an Excel workbook): ${why}`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    throw invalid(
      'EVALUATORS_INVALID',
      '评议人员名单 XLSX 文件没有工作表 / evaluators file: the XLSX file has no worksheet',
    );
  }
  const name = oneLine(sheet.name).slice(0, 31);
  if (sheet.rowCount > MAX_EVALUATORS + 1) {
    throw invalid(
      'EVALUATORS_INVALID',
      `评议人员名单工作表“${name}”超过 ${MAX_EVALUATORS + 1} 行 / evaluators sheet "${name}" has more than ${MAX_EVALUATORS + 1} rows`,
    );
  }
  const rows: RosterRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, at) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    const filled = Array.from(cells, (c) => c ?? '');
    while (filled.length > 0 && filled[filled.length - 1] === '') filled.pop();
    if (filled.length > 0) rows.push({ at, cells: filled });
  });
  return checkEvaluatorRows(rows, hallSeats, evaluatorsSheetPlace(name), true);
}
