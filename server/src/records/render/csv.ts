import type { SealedRecord } from '@hall/shared';
import { exportTable, type Cell, type SittingTitleOf } from './export-table';

/**
 * A text cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets
 * a leading `'` (OWASP "CSV injection"): a title like `=HYPERLINK(...)` stays text.
 */
export function neutralize(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/**
 * One CSV field: RFC 4180 quoting (a field with a comma, quote or line break is quoted, quotes
 * doubled); text is neutralized first, numbers are written as they are.
 */
export function csvField(v: Cell): string {
  const s = v === null ? '' : typeof v === 'number' ? String(v) : neutralize(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * All results as CSV: UTF-8 with BOM (so spreadsheet programs read the Chinese), CRLF, one header
 * row of Chinese column names and one row per sealed record in chain order; the columns and their
 * Beijing times are those of `exportTable` (export-table.ts), the same as the XLSX.
 */
export function recordsCsv(
  records: readonly SealedRecord[],
  sittingTitle?: SittingTitleOf,
): string {
  const t = exportTable(records, sittingTitle);
  const lines = [t.columns.map((c) => c.header), ...t.rows];
  return '\uFEFF' + lines.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
