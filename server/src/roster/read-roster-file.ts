import { invalid } from '../errors';
import { parseRoster, type RosterEntry } from './parse-roster';

/** The media type of an XLSX workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the sender says the file is, when it says (a content type, a file name). */
export interface RosterFileHint {
  contentType?: string;
  fileName?: string;
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
/** `PK\x03\x04`: a zip archive, as every XLSX is. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: an old Excel .xls, or an encrypted (password) workbook. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Which reader a roster file needs. The bytes decide (a zip is an XLSX whatever it is called);
 * a file said to be an XLSX that is not a zip, and an old .xls, are refused with what to do.
 */
export function rosterFileKind(bytes: Uint8Array, hint: RosterFileHint = {}): 'csv' | 'xlsx' {
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE)) {
    throw invalid(
      'ROSTER_INVALID',
      '名单文件是旧版 Excel（.xls）或加密的工作簿，请另存为 .xlsx 或 CSV / roster: an old Excel .xls file or an encrypted workbook; save it as .xlsx or CSV',
    );
  }
  const saysXlsx =
    hint.contentType?.split(';')[0]?.trim().toLowerCase() === XLSX_TYPE ||
    /\.xlsx$/i.test(hint.fileName ?? '');
  if (saysXlsx) {
    throw invalid(
      'ROSTER_INVALID',
      '名单文件不是有效的 XLSX（不是 zip 格式） / roster: not a valid XLSX file (not a zip archive)',
    );
  }
  return 'csv';
}

/**
 * Read and check a roster file of any accepted kind (server/README.md "Roster files"): CSV in
 * UTF-8 (with or without BOM) or GB18030, or XLSX. Nothing is returned unless every row is
 * sound; the caller replaces the roster with the result (a bad file changes nothing).
 */
export async function readRosterFile(
  bytes: Uint8Array,
  hallSeats: ReadonlySet<string>,
  hint: RosterFileHint = {},
): Promise<RosterEntry[]> {
  if (rosterFileKind(bytes, hint) === 'xlsx') {
    const { readXlsxRoster } = await import('./read-xlsx');
    return readXlsxRoster(bytes, hallSeats);
  }
  return parseRoster(bytes, hallSeats);
}
