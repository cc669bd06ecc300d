import { firstUnsafeChar } from '@hall/shared';
import { invalid, oneLine } from '../errors';
import type { RosterEntry } from './parse-roster';

/** One non-empty row of a roster file: where it is (CSV line or sheet row) and its cells. */
export interface RosterRow {
  at: number;
  cells: string[];
}

/** How a place in the file is named in a refusal: `名单第 3 行` / `roster line 3`, or a sheet row. */
export interface RosterPlace {
  zh(at: number): string;
  en(at: number): string;
}

export const CSV_PLACE: RosterPlace = {
  zh: (at) => `名单第 ${at} 行`,
  en: (at) => `roster line ${at}`,
};

export const sheetPlace = (sheet: string): RosterPlace => ({
  zh: (at) => `名单工作表“${sheet}”第 ${at} 行`,
  en: (at) => `roster sheet "${sheet}" row ${at}`,
});

type Field = 'memberId' | 'name' | 'role' | 'seat';

/**
 * The accepted header names of each column (CONTRACT.md §4's keys, and the Chinese headers the
 * roster export writes), compared trimmed and case-insensitively; the columns may come in any
 * order, each exactly once.
 */
export const HEADER_NAMES: Record<Field, readonly string[]> = {
  memberId: ['member_id', '代表编号'],
  name: ['name', '姓名'],
  role: ['role', '身份'],
  seat: ['seat', '座位'],
};
const FIELDS = Object.keys(HEADER_NAMES) as Field[];
const ENGLISH = FIELDS.map((f) => HEADER_NAMES[f][0]).join(',');
const CHINESE = FIELDS.map((f) => HEADER_NAMES[f][1]).join(',');

/** The accepted role values (case-insensitive): the contract's keys and the Chinese words. */
export const ROLE_NAMES: Record<RosterEntry['role'], readonly string[]> = {
  member: ['member', '组成人员'],
  observer: ['observer', '列席'],
};

/** Cell text as compared: trimmed, a stray BOM dropped, lower case. */
export const headerKey = (cell: string) =>
  cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
const key = headerKey;

function roleOf(value: string): RosterEntry['role'] | null {
  const k = key(value);
  if (ROLE_NAMES.member.includes(k)) return 'member';
  if (ROLE_NAMES.observer.includes(k)) return 'observer';
  return null;
}

/**
 * Which cell holds which field, or null when the header is not one of the accepted forms: each
 * field's names (`names[f]`, compared as `headerKey` does) exactly once, in any order. Shared by
 * the roster and the evaluators files (sessions/evaluators-rows.ts).
 */
export function headerColumns<F extends string>(
  header: readonly string[],
  names: Record<F, readonly string[]>,
): Record<F, number> | null {
  const fields = Object.keys(names) as F[];
  if (header.length !== fields.length) return null;
  const columns: Partial<Record<F, number>> = {};
  header.forEach((cell, i) => {
    const field = fields.find((f) => names[f].includes(headerKey(cell)));
    if (field && columns[field] === undefined) columns[field] = i;
  });
  return fields.every((f) => columns[f] !== undefined) ? (columns as Record<F, number>) : null;
}

const columnsOf = (header: readonly string[]) => headerColumns(header, HEADER_NAMES);

/** How a row check refuses: the place, then the problem, Chinese first (roster and evaluators). */
export type RowRefusal = (at: number, zh: string, en: string) => Error;

/** A text cell (a name, a group) without unsafe characters (text/unsafe-text.ts). */
export function requireSafeCell(
  bad: RowRefusal,
  at: number,
  value: string,
  zh: string,
  en: string,
): void {
  const unsafe = firstUnsafeChar(value);
  if (unsafe) {
    throw bad(
      at,
      `${zh}第 ${unsafe.index + 1} 个字符是不允许的${unsafe.zh}（${unsafe.codePoint}）`,
      `${en} contains a forbidden ${unsafe.en} (${unsafe.codePoint}) at position ${unsafe.index + 1}`,
    );
  }
}

/** A seat of this hall given to one row only (`seats`: seat → the row that has it); '' is none. */
export function claimSeat(
  bad: RowRefusal,
  at: number,
  seat: string,
  hallSeats: ReadonlySet<string>,
  seats: Map<string, number>,
  unit: 'line' | 'row',
): void {
  if (seat === '') return;
  if (!hallSeats.has(seat)) {
    throw bad(at, `席位 ${seat} 不属于本会场`, `seat ${seat} is not a seat of this hall`);
  }
  const taken = seats.get(seat);
  if (taken !== undefined) {
    throw bad(
      at,
      `席位 ${seat} 已在第 ${taken} 行分配`,
      `seat ${seat} already given on ${unit} ${taken}`,
    );
  }
  seats.set(seat, at);
}

/**
 * Check the rows of a roster file as a whole (CONTRACT.md §4): the first row is the header, then
 * one person per row: member ids of letters, digits, - and _, a name without unsafe characters,
 * role member/observer (组成人员/列席), a seat of this hall or empty, no id or seat twice. Throws
 * ROSTER_INVALID naming the row (`where`) and the problem; returns only if every row is sound.
 * `padShort`: a row with fewer cells gets empty ones (a sheet stores no trailing empty cells).
 */
export function checkRosterRows(
  rows: readonly RosterRow[],
  hallSeats: ReadonlySet<string>,
  where: RosterPlace,
  padShort = false,
): RosterEntry[] {
  const bad = (at: number, zh: string, en: string) =>
    invalid('ROSTER_INVALID', oneLine(`${where.zh(at)}：${zh} / ${where.en(at)}: ${en}`));
  const header = rows[0];
  const columns = header ? columnsOf(header.cells) : null;
  if (!header || !columns) {
    const got = header?.cells.join(',') ?? '';
    throw bad(
      header?.at ?? 1,
      `表头应为“${ENGLISH}”或“${CHINESE}”（实际为“${got}”）`,
      `the header must be "${ENGLISH}" or "${CHINESE}" (got "${got}")`,
    );
  }
  const entries: RosterEntry[] = [];
  const ids = new Map<string, number>();
  const seats = new Map<string, number>();
  for (const { at, cells: raw } of rows.slice(1)) {
    const cells = padShort && raw.length < FIELDS.length ? [...raw, '', '', ''].slice(0, 4) : raw;
    if (cells.length !== FIELDS.length) {
      throw bad(at, `应有 4 列，实有 ${cells.length} 列`, `expected 4 fields, got ${cells.length}`);
    }
    const [memberId, name, roleText, seat] = FIELDS.map((f) => cells[columns[f]]!.trim()) as [
      string,
      string,
      string,
      string,
    ];
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(memberId)) {
      throw bad(
        at,
        `人员编号“${memberId}”须为 1-32 个字母、数字、- 或 _`,
        `member_id "${memberId}" must be 1-32 letters, digits, - or _`,
      );
    }
    if (name === '') throw bad(at, '姓名为空', 'the name is empty');
    requireSafeCell(bad, at, name, '姓名', 'the name');
    const role = roleOf(roleText);
    if (!role) {
      throw bad(
        at,
        `身份“${roleText}”须为 member（组成人员）或 observer（列席）`,
        `role "${roleText}" must be member or observer (组成人员 / 列席)`,
      );
    }
    const first = ids.get(memberId);
    if (first !== undefined) {
      throw bad(
        at,
        `人员编号 ${memberId} 与第 ${first} 行重复`,
        `member_id ${memberId} already on ${where === CSV_PLACE ? 'line' : 'row'} ${first}`,
      );
    }
    ids.set(memberId, at);
    claimSeat(bad, at, seat, hallSeats, seats, where === CSV_PLACE ? 'line' : 'row');
    entries.push({ memberId, name, role, seat: seat === '' ? null : seat });
  }
  return entries;
}
