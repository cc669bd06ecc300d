import { invalid, oneLine } from '../errors';
import type { RosterEntry } from './parse-roster';
import { checkRosterRows, sheetPlace, type RosterRow } from './roster-rows';

/** More rows than any roster of a standing committee (a few hundred people) has. */
const MAX_ROWS = 10_000;

/**
 * Read a roster workbook (XLSX): the first worksheet, its first non-empty row the header
 * (CONTRACT.md §4's keys or the Chinese headers), every cell as text (numbers without a
 * trailing ".0", trimmed), checked as a CSV is (roster-rows.ts), refusals naming the sheet row.
 * exceljs is loaded here, on the first XLSX import, not when the server or CLI starts.
 */
export async function readXlsxRoster(
  bytes: Uint8Array,
  hallSeats: ReadonlySet<string>,
): Promise<RosterEntry[]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` type (an ArrayBuffer); a Node Buffer is what it reads.
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (e) {
    const why = oneLine((e as Error).message ?? String(e)).slice(0, 200);
    throw invalid(
      'ROSTER_INVALID',
      `名单 XLSX 文件无法读取（已损坏或不是 Excel 工作簿） / roster: cannot read the XLSX file (damaged or not an Excel workbook): ${why}`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    throw invalid(
      'ROSTER_INVALID',
      '名单 XLSX 文件没有工作表 / roster: the XLSX file has no worksheet',
    );
  }
  const name = oneLine(sheet.name).slice(0, 31);
  if (sheet.rowCount > MAX_ROWS) {
    throw invalid(
      'ROSTER_INVALID',
      `名单工作表“${name}”超过 ${MAX_ROWS} 行 / roster sheet "${name}" has more than ${MAX_ROWS} rows`,
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
  return checkRosterRows(rows, hallSeats, sheetPlace(name), true);
}

/** A cell's value as the text a person sees in it (a formula's result, a link's text). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: string;
      formula?: string;
      sharedFormula?: string;
    };
    if (Array.isArray(v.richText))
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return String(value).trim();
}
