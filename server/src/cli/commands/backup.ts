import path from 'node:path';
import type { Command } from '../command';
import { callServerBytes, noPositionals, SERVER_OPTIONS } from '../client';
import { RefusedError, UsageError } from '../errors';
import { printResult } from '../io';
import {
  BackupRefusal,
  emptyPrivateDir,
  parseManifest,
  removeIfEmpty,
  writeBackupDir,
} from '../../ops/backup-files';
import { BACKUP_MANIFEST_HEADER as MANIFEST_HEADER } from '@hall/shared';

const refusal = (e: unknown) => (e instanceof BackupRefusal ? new RefusedError(e.message) : e);

/** The manifest of the server's reply (base64url JSON in its header). */
function manifestOfHeader(value: string | string[] | undefined) {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(String(value ?? ''), 'base64url').toString('utf8'));
  } catch {
    json = undefined;
  }
  return parseManifest(json, `服务器的 ${MANIFEST_HEADER} / the server's ${MANIFEST_HEADER}`);
}

/**
 * `backup --out <dir>` (CONTRACT.md §1): a consistent copy of the hall's state, taken by the
 * running server (GET /api/backup), written as `hall.db` and `backup.json` into a new or empty
 * directory (0700, files 0600). The keys are not in it (README "Operations").
 */
export const backupCommand: Command = {
  words: ['backup'],
  summary:
    '备份运行中的会场：数据库（运行中取得的一致副本）与清单，写入新目录（不含密钥） / Back up the running hall: its database (consistent, taken while it runs) and a manifest, into a new directory (no keys).',
  usage: 'backup --out <dir> [--server <url>] [--json]',
  options: { ...SERVER_OPTIONS, values: [...SERVER_OPTIONS.values, 'out'], required: ['out'] },
  async run(args, io) {
    noPositionals(args);
    const out = path.resolve(io.cwd, args.values.get('out')!);
    let made = false;
    try {
      made = emptyPrivateDir(out, ['备份目录', 'the backup directory']);
      const reply = await callServerBytes(args, io, 'GET', '/api/backup');
      const manifest = manifestOfHeader(reply.headers[MANIFEST_HEADER]);
      const files = writeBackupDir(out, reply.body, manifest);
      printResult(
        io,
        args.flags.has('json'),
        { files },
        () =>
          `已备份 ${manifest.hall}：${manifest.records} 条记录，${manifest.bytes} 字节，SHA-256 ${manifest.sha256}\n${files.join('\n')}`,
      );
    } catch (e) {
      if (made) removeIfEmpty(out);
      throw refusal(e);
    }
  },
};

/**
 * `restore <backup dir> --data-dir <new dir>`: offline (the server is stopped). Checks the
 * backup against its manifest, writes it into a new, empty data directory and verifies the
 * record chain under the manifest's key. Start the server on it with the kept HALL_KEY_DIR.
 */
export const restoreCommand: Command = {
  words: ['restore'],
  summary:
    '将备份恢复到新的空数据目录（离线），并核对其 SHA-256 与记录链 / Restore a backup into a new, empty data directory (offline), checking its SHA-256 and record chain.',
  usage: 'restore <backup dir> --data-dir <new dir> [--json]',
  options: { flags: ['json'], values: ['data-dir'], required: ['data-dir'] },
  async run(args, io) {
    const [dir, extra] = args.positionals;
    if (!dir) throw new UsageError('缺少备份目录 / the backup directory is required');
    if (extra) throw new UsageError(`多余的参数“${extra}” / unexpected argument "${extra}"`);
    // Loaded when it runs: SQLite is not loaded by every other command's start.
    const { restoreBackup } = await import('../../ops/restore');
    let r;
    try {
      r = restoreBackup(
        path.resolve(io.cwd, dir),
        path.resolve(io.cwd, args.values.get('data-dir')!),
      );
    } catch (e) {
      throw refusal(e);
    }
    printResult(
      io,
      args.flags.has('json'),
      { dataDir: r.dataDir, records: r.records, valid: r.valid, openVote: r.openVote },
      () =>
        [
          `已恢复 ${r.hall} 到 ${r.dataDir}：${r.records} 条记录，记录链有效 / restored: ${r.records} records, chain valid`,
          `公钥 / public key ${r.publicKey}`,
          r.openVote === null
            ? ''
            : `第 ${r.openVote} 号表决在备份时未结束：其选票密钥须在原 HALL_KEY_DIR 中 / vote ${r.openVote} was open: its ballot key must be in the kept HALL_KEY_DIR`,
          `启动 / start: HALL_DATA_DIR=${r.dataDir} HALL_KEY_DIR=<原密钥目录 / the kept key dir> npm start`,
        ]
          .filter(Boolean)
          .join('\n'),
    );
  },
};
