import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from '../command';
import { callServer, SERVER_OPTIONS } from '../client';
import { RefusedError, UsageError } from '../errors';
import { printResult } from '../io';

/** `roster import <csv>` (CONTRACT.md §1, §4): replaces the roster; a bad file changes nothing. */
export const rosterImportCommand: Command = {
  words: ['roster', 'import'],
  summary:
    '用 CSV 文件替换名单（member_id,name,role,seat） / Replace the roster with a CSV file (member_id,name,role,seat).',
  usage: 'roster import <csv> [--server <url>] [--json]',
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
        `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
      );
    }
    const r = await callServer<{ members: number; observers: number }>(
      args,
      io,
      'POST',
      '/api/roster',
      { csvBase64: bytes.toString('base64') },
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
