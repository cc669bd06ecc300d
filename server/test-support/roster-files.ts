// Real roster files, made in the tests (issue 13): what Excel and WPS save. Test code only
// (iconv-lite encodes GB18030, which Node cannot; the server only decodes, with TextDecoder).
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { RosterEntry } from '../src/roster/parse-roster';

/** The roster every file below holds: two members (one with a numeric id) and an observer. */
export const ROSTER: RosterEntry[] = [
  { memberId: '1001', name: '张三', role: 'member', seat: 'A-1' },
  { memberId: 'M002', name: '欧阳·娜娜', role: 'member', seat: 'A-2' },
  { memberId: 'O001', name: '李四', role: 'observer', seat: null },
];

export const ENGLISH_HEADER = ['member_id', 'name', 'role', 'seat'];
export const CHINESE_HEADER = ['代表编号', '姓名', '身份', '座位'];

/** The rows of ROSTER under `header`, in Chinese role words when the header is Chinese. */
export function rosterRows(header = ENGLISH_HEADER, entries = ROSTER): string[][] {
  const zh = header === CHINESE_HEADER;
  return [
    header,
    ...entries.map((e) => [
      e.memberId,
      e.name,
      zh ? (e.role === 'member' ? '组成人员' : '列席') : e.role,
      e.seat ?? '',
    ]),
  ];
}

const csvText = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

export const utf8Csv = (rows = rosterRows()) => Buffer.from(csvText(rows), 'utf8');
export const utf8BomCsv = (rows = rosterRows()) =>
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8Csv(rows)]);
/** As Excel's "CSV (逗号分隔)" on a Chinese Windows saves it: GBK (GB18030), CRLF. */
export const gb18030Csv = (rows = rosterRows()) => iconv.encode(csvText(rows), 'gb18030');

/** An XLSX workbook whose first sheet holds `rows`; digit-only cells are stored as numbers. */
export async function rosterXlsx(rows = rosterRows(), sheetName = '名单'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row.map((c) => (/^\d+$/.test(c) ? Number(c) : c)));
  wb.addWorksheet('说明').addRow(['第二个工作表不读 / the second sheet is not read']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
