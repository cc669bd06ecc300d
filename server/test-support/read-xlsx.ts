import { formatBeijing, METHOD_WORDS, methodLine, type SealedRecord } from '@hall/shared';
import { expect } from 'vitest';
import { canonicalHash } from '../src/records/canonical';

/** One cell read back from a workbook: its value and whether Excel holds it as a number. */
export interface ReadCell {
  value: unknown;
  numeric: boolean;
  formula: boolean;
}

/** The export's sheet read back with exceljs: the title row, the headers and one map per row. */
export async function readXlsx(buf: Buffer | Uint8Array) {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(buf) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('测评结果');
  if (!ws) throw new Error('no sheet 测评结果');
  const width = ws.getRow(2).cellCount;
  const headers: string[] = [];
  for (let c = 1; c <= width; c++) headers.push(String(ws.getRow(2).getCell(c).value));
  const rows: Record<string, ReadCell>[] = [];
  for (let n = 3; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    rows.push(
      Object.fromEntries(
        headers.map((h, i) => {
          const cell = row.getCell(i + 1);
          return [
            h,
            {
              value: cell.value,
              numeric: cell.type === ExcelJS.ValueType.Number,
              formula: cell.type === ExcelJS.ValueType.Formula,
            },
          ];
        }),
      ),
    );
  }
  return { title: String(ws.getRow(1).getCell(1).value), headers, rows, sheet: ws };
}

/**
 * Every figure of a row equals the sealed record: seq, ids, members, present, valid, each option
 * of its profile (numeric cells; an option its profile lacks is empty), invalid, notVoted, the
 * outcome (label and code), the hash, the times in Beijing time and UTC, the correction link.
 */
export function expectRowIsRecord(
  row: Record<string, ReadCell>,
  r: SealedRecord,
  sitting: string,
  optionHeaders: Record<string, string> = {},
): void {
  const num = (h: string, want: number) => {
    expect(row[h], h).toBeDefined();
    expect({ h, ...row[h] }).toEqual({ h, value: want, numeric: true, formula: false });
  };
  const text = (h: string, want: string | null) => {
    expect(row[h], h).toBeDefined();
    expect({ h, value: row[h]!.value ?? null }).toEqual({ h, value: want });
  };
  num('序号', r.seq);
  num('会议编号', r.sessionId);
  num('测评编号', r.voteId);
  num('应到', r.members);
  num('实到', r.present);
  num('有效', r.valid);
  num('无效', r.invalid);
  num('未按', r.notVoted);
  const mine = r.profile.optionSet.options;
  for (const o of mine) num(optionHeaders[o.key] ?? o.label.zh, r.counts[o.key] ?? 0);
  for (const [key, header] of Object.entries(optionHeaders)) {
    if (!mine.some((o) => o.key === key)) text(header, null);
  }
  text('会议', sitting);
  text('测评事项', r.title);
  text('报告机关', r.organ);
  text('测评办法', r.profile.name.zh);
  text('测评结果', r.profile.outcomes.find((o) => o.id === r.outcome)!.label.zh);
  text('测评结果代码', r.outcome);
  text('测评办法代码', r.profile.id);
  text('依据', r.explanation.zh);
  text('表决方式', METHOD_WORDS[r.method ?? 'keypads'].zh);
  text('表决方式代码', r.method ?? 'keypads');
  text('重新测评', r.retakes ? methodLine(r)!.zh : null);
  text('记录哈希', canonicalHash(r));
  text('开始时间（北京时间）', formatBeijing(r.openedAt, 'datetime'));
  text('结束时间（北京时间）', formatBeijing(r.closedAt, 'datetime'));
  text('宣布时间（北京时间）', formatBeijing(r.announcedAt, 'datetime'));
  text('开始时间（UTC）', r.openedAt);
  text('结束时间（UTC）', r.closedAt);
  text('宣布时间（UTC）', r.announcedAt);
  if (r.corrects) {
    num('更正的记录序号', r.corrects.seq);
    text('更正理由', r.corrects.reason);
  } else {
    text('更正的记录序号', null);
    text('更正理由', null);
  }
}
