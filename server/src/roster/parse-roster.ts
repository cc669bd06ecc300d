import { parse } from 'csv-parse/sync';
import { invalid, oneLine } from '../errors';
import { decodeRosterText } from './decode-roster';
import { CSV_PLACE, checkRosterRows } from './roster-rows';

/** One roster line (CONTRACT.md §4). */
export interface RosterEntry {
  memberId: string;
  name: string;
  role: 'member' | 'observer';
  seat: string | null;
}

/**
 * Parse and check a roster CSV as a whole (CONTRACT.md §4; the accepted forms are in
 * server/README.md "Roster files"): UTF-8 with or without a BOM, or GB18030/GBK (detected,
 * decode-roster.ts), a header row `member_id,name,role,seat` (or 代表编号,姓名,身份,座位), roles
 * `member`/`observer` (组成人员/列席), seats of this hall, no member id or seat twice. Throws a
 * ServiceError naming the line (1 = the header) and the problem; nothing is returned unless
 * every line is sound. XLSX files go through read-roster-file.ts.
 */
export function parseRoster(bytes: Uint8Array, hallSeats: ReadonlySet<string>): RosterEntry[] {
  const { text } = decodeRosterText(bytes);
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    const err = e as { lines?: number; message: string };
    const line = err.lines ?? 1;
    throw invalid(
      'ROSTER_INVALID',
      oneLine(
        `${CSV_PLACE.zh(line)}：CSV 格式错误 / ${CSV_PLACE.en(line)}: not valid CSV: ${err.message}`,
      ),
    );
  }
  const lines = lineNumbers(text);
  return checkRosterRows(
    rows.map((cells, i) => ({ at: lines[i] ?? i + 1, cells })),
    hallSeats,
    CSV_PLACE,
  );
}

/** The file line of each non-empty line, in order (empty lines are skipped by the parser). */
function lineNumbers(text: string): number[] {
  const out: number[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (l.trim() !== '') out.push(i + 1);
  });
  return out;
}
