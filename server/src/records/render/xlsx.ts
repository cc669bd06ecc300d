import type { SealedRecord } from '@hall/shared';
import { exportTable, type Cell, type SittingTitleOf } from './export-table';

/** The media type of an .xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The worksheet's name (a hall's name may hold characters a sheet name cannot: it goes in row 1). */
export const XLSX_SHEET = '测评结果';

/** Display width of a cell's text in Excel's character units: a CJK character is two. */
function widthOf(v: Cell): number {
  if (v === null) return 0;
  let w = 0;
  for (const ch of String(v)) w += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return w;
}

/**
 * All results as an XLSX workbook, the same columns as the CSV (export-table.ts): sheet
 * 测评结果, row 1 the hall and what the sheet holds, row 2 the Chinese headers (frozen with row 1),
 * then one row per sealed record in chain order. Counts, seq and ids are numeric cells; times are
 * Beijing-time text (`2026-12-02 09:30:00`): an Excel date cell has no time zone, text cannot be
 * misread. Text is written as string cells, never as formulas, so a title like `=HYPERLINK(…)`
 * stays text without a leading `'`. exceljs (a large module) is loaded at the first export.
 */
export async function recordsXlsx(
  records: readonly SealedRecord[],
  sittingTitle?: SittingTitleOf,
): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const t = exportTable(records, sittingTitle);
  const hall = records[0]?.hall ?? '';
  const wb = new ExcelJS.Workbook();
  wb.creator = hall || 'hall';
  wb.title = `${hall} 满意度测评结果`.trim();
  // The file's own dates are the latest announcement's, so the same chain gives the same sheet.
  const last = records.at(-1);
  const when = last ? new Date(last.announcedAt) : new Date(0);
  wb.created = when;
  wb.modified = when;
  const ws = wb.addWorksheet(XLSX_SHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }],
  });
  const head = ws.addRow([
    `${hall ? `${hall} · ` : ''}满意度测评结果（共 ${records.length} 条签名记录；时间均为北京时间，末列附 UTC）`,
  ]);
  head.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, t.columns.length);
  const header = ws.addRow(t.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const row of t.rows) ws.addRow(row);
  t.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    const widest = Math.max(widthOf(c.header), ...t.rows.map((r) => widthOf(r[i] ?? null)));
    col.width = Math.min(60, Math.max(c.kind === 'number' ? 6 : 10, widest + 2));
    if (c.kind === 'number') col.numFmt = '0';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
