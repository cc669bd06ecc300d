import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from '../command';
import { RefusedError, UsageError } from '../errors';
import type { CliIo } from '../io';
import { keyFingerprint } from '../../records/keys';
import { verifyRecords, verifyWarnings, type VerifyReport } from '../../records/verify';

function report(io: CliIo, json: boolean, r: VerifyReport): void {
  if (json) {
    io.stdout(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  const keys = r.publicKeys.map((k) => `签名密钥指纹 ${keyFingerprint(k)}`).join('\n');
  const head = r.valid
    ? `有效：${r.records} 条记录${r.chain ? '，链完整' : ''}`
    : `无效：${r.records} 条记录，${r.problems.length} 个问题`;
  io.stdout([head, keys, ...r.warnings, ...r.problems].filter(Boolean).join('\n') + '\n');
}

/** `record verify <file> [--public-key <base64>] --json` (CONTRACT.md §1); offline. */
export const recordVerifyCommand: Command = {
  words: ['record', 'verify'],
  summary:
    '离线核验签名记录：签名、记录链（数组时）、结果是否与票数相符 / Check signed records: signature, chain (for an array), and that each outcome follows from its counts.',
  usage: 'record verify <file> [--public-key <base64>] [--json]',
  options: { flags: ['json'], values: ['public-key'] },
  run(args, io) {
    const [file, extra] = args.positionals;
    if (!file) throw new UsageError('缺少记录文件 / the record file is required');
    if (extra) throw new UsageError(`多余的参数“${extra}” / unexpected argument "${extra}"`);
    let text: string;
    try {
      text = readFileSync(path.resolve(io.cwd, file), 'utf8');
    } catch (e) {
      throw new RefusedError(
        `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      );
    }
    let data: unknown;
    let r: VerifyReport;
    try {
      data = JSON.parse(text);
      r = verifyRecords(data, { publicKey: args.values.get('public-key') });
    } catch (e) {
      const signerPinned = args.values.has('public-key');
      r = {
        valid: false,
        records: 0,
        chain: false,
        publicKeys: [],
        signerPinned,
        warnings: verifyWarnings([], signerPinned),
        problems: [`not JSON: ${(e as Error).message}`],
      };
    }
    report(io, args.flags.has('json'), r);
    if (!r.valid) throw new NotValid(r);
  },
};

/** Exit 1 after the report was printed (the one refusal that prints its JSON, CONTRACT.md §1). */
export class NotValid extends RefusedError {
  constructor(r: VerifyReport) {
    super(`not valid: ${r.problems.length} problem(s); first: ${r.problems[0] ?? '?'}`);
  }
}
