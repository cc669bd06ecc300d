import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SealedRecord } from '@hall/shared';
import type { Command } from '../command';
import { callServer, SERVER_OPTIONS } from '../client';
import { RefusedError, UsageError } from '../errors';
import { printResult } from '../io';
import { parseCount } from './tally';

/**
 * `record export (--vote <id> | --all) --out <file>` (CONTRACT.md §1): one record object, or with
 * `--all` the array of all records in chain order, exactly as sealed.
 */
export const recordExportCommand: Command = {
  words: ['record', 'export'],
  summary:
    '把一次测评的签名记录或整条记录链写入 JSON 文件 / Write the signed record of a vote, or the whole chain, to a JSON file.',
  usage: 'record export (--vote <id> | --all) --out <file> [--server <url>] [--json]',
  options: {
    flags: [...SERVER_OPTIONS.flags, 'all'],
    values: [...SERVER_OPTIONS.values, 'vote', 'out'],
    required: ['out'],
  },
  async run(args, io) {
    if (args.positionals.length > 0)
      throw new UsageError(
        `多余的参数“${args.positionals[0]}” / unexpected argument "${args.positionals[0]}"`,
      );
    const vote = args.values.get('vote');
    const all = args.flags.has('all');
    if ((vote === undefined) === !all)
      throw new UsageError(
        '--vote <id> 与 --all 须且只须给出其一 / give exactly one of --vote <id> and --all',
      );
    const out = path.resolve(io.cwd, args.values.get('out')!);
    let data: SealedRecord | SealedRecord[];
    if (all) {
      data = (await callServer<{ records: SealedRecord[] }>(args, io, 'GET', '/api/records'))
        .records;
    } else {
      data = await callServer<SealedRecord>(
        args,
        io,
        'GET',
        `/api/votes/${parseCount('vote', vote!)}/record`,
      );
    }
    try {
      writeFileSync(out, `${JSON.stringify(data, null, 2)}\n`);
    } catch (e) {
      throw new RefusedError(
        `cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      );
    }
    const result = { file: out, records: Array.isArray(data) ? data.length : 1 };
    printResult(
      io,
      args.flags.has('json'),
      result,
      () => `已导出 ${result.records} 条记录到 ${result.file}`,
    );
  },
};

/** `key show` (CONTRACT.md §1): the hall's public key, base64 of the raw 32-byte Ed25519 key. */
export const keyShowCommand: Command = {
  words: ['key', 'show'],
  summary:
    "会场的签名公钥（文本输出另附指纹） / The hall's public signing key (and its fingerprint in the text form).",
  usage: 'key show [--server <url>] [--json]',
  options: SERVER_OPTIONS,
  async run(args, io) {
    if (args.positionals.length > 0)
      throw new UsageError(
        `多余的参数“${args.positionals[0]}” / unexpected argument "${args.positionals[0]}"`,
      );
    const r = await callServer<{ publicKey: string; fingerprint: string }>(
      args,
      io,
      'GET',
      '/api/key',
    );
    printResult(
      io,
      args.flags.has('json'),
      { publicKey: r.publicKey },
      () => `公钥 ${r.publicKey}\n指纹 ${r.fingerprint}`,
    );
  },
};
