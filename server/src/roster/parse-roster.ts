import { firstUnsafeChar } from '@hall/shared';
import { parse } from 'csv-parse/sync';
import { invalid, oneLine } from '../errors';

/** One roster line (CONTRACT.md §4). */
export interface RosterEntry {
  memberId: string;
  name: string;
  role: 'member' | 'observer';
  seat: string | null;
}

const HEADER = ['member_id', 'name', 'role', 'seat'];

/**
 * `名单第 3 行：… / roster line 3: …`, always one line (CONTRACT.md §1): a quoted field or the
 * CSV parser's words may hold a line break.
 */
const bad = (line: number, zh: string, en: string) =>
  invalid('ROSTER_INVALID', oneLine(`名单第 ${line} 行：${zh} / roster line ${line}: ${en}`));

/**
 * Parse and check a roster file as a whole (CONTRACT.md §4): UTF-8 (a BOM is allowed), a header
 * row `member_id,name,role,seat`, roles `member`/`observer`, seats of this hall, no member id or
 * seat twice. Throws a ServiceError naming the line (1 = the header) and the problem; nothing is
 * returned unless every line is sound.
 */
export function parseRoster(bytes: Uint8Array, hallSeats: ReadonlySet<string>): RosterEntry[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = lineOfBadUtf8(bytes);
    throw invalid(
      'ROSTER_INVALID',
      `名单文件不是 UTF-8 编码（第 ${line} 行） / roster: not UTF-8 text (line ${line})`,
    );
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw bad(err.lines ?? 1, 'CSV 格式错误', `not valid CSV: ${err.message}`);
  }
  const header = rows[0];
  if (!header || header.join(',').toLowerCase() !== HEADER.join(',')) {
    const got = header?.join(',') ?? '';
    throw bad(
      1,
      `表头应为“${HEADER.join(',')}”（实际为“${got}”）`,
      `the header must be "${HEADER.join(',')}" (got "${got}")`,
    );
  }
  const lines = lineNumbers(text);
  const entries: RosterEntry[] = [];
  const ids = new Map<string, number>();
  const seats = new Map<string, number>();
  rows.slice(1).forEach((row, i) => {
    const line = lines[i + 1] ?? i + 2;
    if (row.length !== 4)
      throw bad(line, `应有 4 列，实有 ${row.length} 列`, `expected 4 fields, got ${row.length}`);
    const [memberId, name, role, seat] = row as [string, string, string, string];
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(memberId)) {
      throw bad(
        line,
        `人员编号“${memberId}”须为 1-32 个字母、数字、- 或 _`,
        `member_id "${memberId}" must be 1-32 letters, digits, - or _`,
      );
    }
    if (name === '') throw bad(line, '姓名为空', 'the name is empty');
    const unsafe = firstUnsafeChar(name);
    if (unsafe) {
      throw bad(
        line,
        `姓名第 ${unsafe.index + 1} 个字符是不允许的${unsafe.zh}（${unsafe.codePoint}）`,
        `the name contains a forbidden ${unsafe.en} (${unsafe.codePoint}) at position ${unsafe.index + 1}`,
      );
    }
    if (role !== 'member' && role !== 'observer') {
      throw bad(
        line,
        `身份“${role}”须为 member（组成人员）或 observer（列席）`,
        `role "${role}" must be member or observer`,
      );
    }
    const first = ids.get(memberId);
    if (first !== undefined) {
      throw bad(
        line,
        `人员编号 ${memberId} 与第 ${first} 行重复`,
        `member_id ${memberId} already on line ${first}`,
      );
    }
    ids.set(memberId, line);
    if (seat !== '') {
      if (!hallSeats.has(seat)) {
        throw bad(line, `席位 ${seat} 不属于本会场`, `seat ${seat} is not a seat of this hall`);
      }
      const taken = seats.get(seat);
      if (taken !== undefined) {
        throw bad(
          line,
          `席位 ${seat} 已在第 ${taken} 行分配`,
          `seat ${seat} already given on line ${taken}`,
        );
      }
      seats.set(seat, line);
    }
    entries.push({ memberId, name, role, seat: seat === '' ? null : seat });
  });
  return entries;
}

/** The file line of each non-empty line, in order (empty lines are skipped by the parser). */
function lineNumbers(text: string): number[] {
  const out: number[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (l.trim() !== '') out.push(i + 1);
  });
  return out;
}

function lineOfBadUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      start = i + 1;
      line++;
    }
  }
  return line;
}
