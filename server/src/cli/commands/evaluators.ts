import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from '../command';
import { callServer, RawBody, SERVER_OPTIONS } from '../client';
import { RefusedError, UsageError } from '../errors';
import { printResult } from '../io';
import { rosterFileType } from './roster-import';

interface EvaluatorsImport {
  evaluators: number;
  groups: { group: string; count: number }[];
}

/**
 * `evaluators import <file>` (issue 14): replaces the current evaluation meeting's invited
 * evaluators with a CSV (`evaluator_id,name,group,seat`; UTF-8, UTF-8 with BOM or GB18030) or
 * XLSX file, sent as it is; a bad file changes nothing. Refused in a committee sitting and once
 * a vote of the meeting has opened.
 */
export const evaluatorsImportCommand: Command = {
  words: ['evaluators', 'import'],
  summary:
    '用 CSV 或 XLSX 文件替换当前评议会议的评议人员（evaluator_id,name,group,seat） / Replace the evaluation meeting’s invited evaluators with a CSV or XLSX file (evaluator_id,name,group,seat).',
  usage: 'evaluators import <csv|xlsx> [--server <url>] [--json]',
  options: SERVER_OPTIONS,
  async run(args, io) {
    if (args.positionals.length !== 1)
      throw new UsageError('须给出且只给出一个文件 / give exactly one file');
    const file = path.resolve(io.cwd, args.positionals[0]!);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw new RefusedError(
        `无法读取 ${file} / cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
      );
    }
    const r = await callServer<EvaluatorsImport>(
      args,
      io,
      'PUT',
      '/api/sessions/current/evaluators',
      new RawBody(bytes, rosterFileType(file)),
    );
    const out = { evaluators: r.evaluators, groups: r.groups };
    printResult(
      io,
      args.flags.has('json'),
      out,
      () =>
        `评议人员已导入：${out.evaluators} 人` +
        (out.groups.length > 0
          ? `（${out.groups.map((g) => `${g.group} ${g.count}`).join('，')}）`
          : ''),
    );
  },
};
