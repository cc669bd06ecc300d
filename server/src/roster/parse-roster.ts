import { parse } from 'csv-parse/sync';
import { invalid } from '../errors';

/** One roster line (CONTRACT.md §4). */
export interface RosterEntry {
  memberId: string;
  name: string;
  role: 'member' | 'observer';
  seat: string | null;
}

const HEADER = ['member_id', 'name', 'role', 'seat'];

const bad = (line: number, problem: string) =>
  invalid('ROSTER_INVALID', `roster line ${line}: ${problem}`);

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
    throw invalid('ROSTER_INVALID', `roster: not UTF-8 text (line ${lineOfBadUtf8(bytes)})`);
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw bad(err.lines ?? 1, `not valid CSV: ${err.message}`);
  }
  const header = rows[0];
  if (!header || header.join(',').toLowerCase() !== HEADER.join(',')) {
    throw bad(1, `the header must be "${HEADER.join(',')}" (got "${header?.join(',') ?? ''}")`);
  }
  const lines = lineNumbers(text);
  const entries: RosterEntry[] = [];
  const ids = new Map<string, number>();
  const seats = new Map<string, number>();
  rows.slice(1).forEach((row, i) => {
    const line = lines[i + 1] ?? i + 2;
    if (row.length !== 4) throw bad(line, `expected 4 fields, got ${row.length}`);
    const [memberId, name, role, seat] = row as [string, string, string, string];
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(memberId)) {
      throw bad(line, `member_id "${memberId}" must be 1-32 letters, digits, - or _`);
    }
    if (name === '') throw bad(line, 'the name is empty');
    if (role !== 'member' && role !== 'observer') {
      throw bad(line, `role "${role}" must be member or observer`);
    }
    const first = ids.get(memberId);
    if (first !== undefined) throw bad(line, `member_id ${memberId} already on line ${first}`);
    ids.set(memberId, line);
    if (seat !== '') {
      if (!hallSeats.has(seat)) throw bad(line, `seat ${seat} is not a seat of this hall`);
      const taken = seats.get(seat);
      if (taken !== undefined) throw bad(line, `seat ${seat} already given on line ${taken}`);
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
