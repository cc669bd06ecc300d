import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from '../command';
import { callServer, RawBody, SERVER_OPTIONS } from '../client';
import { RefusedError, UsageError } from '../errors';
import { printResult } from '../io';

/** As roster/read-roster-file.ts (not imported: the CLI does not load the roster readers). */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type a roster file is sent with, by its extension; the server reads the bytes. */
export function rosterFileType(file: string): string {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return XLSX_TYPE;
  if (ext === '.csv' || ext === '.txt') return 'text/csv';
  return 'application/octet-stream';
}

/**
 * `roster import <file>` (CONTRACT.md §1, §4): replaces the roster with a CSV (UTF-8, UTF-8 with
 * BOM or GB18030/GBK) or XLSX file, sent as it is; a bad file changes nothing.
 */
export const rosterImportCommand: Command = {
  words: ['roster', 'import'],
  summary:
    '用 CSV 或 XLSX 文件替换名单（member_id,name,role,seat 或 代表编号,姓名,身份,座位） / Replace the roster with a CSV or XLSX file (member_id,name,role,seat).',
  usage: 'roster import <csv|xlsx> [--server <url>] [--json]',
  options: SERVER_OPTIONS,
  async run(args, io) {
    if (args.positionals.length !== 1)
      throw new UsageError('须给出且只给出一个 CSV 文件 / give exactly one CSV file');
    const file = path.resolve(io.cwd, args.positionals[0]!);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw new RefusedError(
        `无法读取 ${file} / cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
      );
    }
    const r = await callServer<{ members: number; observers: number }>(
      args,
      io,
      'POST',
      '/api/roster',
      new RawBody(bytes, rosterFileType(file)),
    );
    const out = { members: r.members, observers: r.observers };
    printResult(
      io,
      args.flags.has('json'),
      out,
      () => `名单已导入：组成人员 ${out.members}，列席 ${out.observers}`,
    );
  },
};
