import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { BackupManifest } from '@hall/shared';
import { Value } from '@sinclair/typebox/value';
import { fsyncDir } from '../db/durable-file';

/** The two files of a backup directory (README "Operations"). */
export const BACKUP_DB = 'hall.db';
export const BACKUP_MANIFEST = 'backup.json';

/** A backup or restore refused: one line, Chinese first (the CLI exits 1 with it). */
export class BackupRefusal extends Error {
  override name = 'BackupRefusal';
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A manifest that is the shape the server sends, or a refusal naming what is off. */
export function parseManifest(value: unknown, where: string): BackupManifest {
  if (Value.Check(BackupManifest, value)) return value;
  const first = [...Value.Errors(BackupManifest, value)][0];
  const at = first ? `${first.path || '/'}: ${first.message}` : '?';
  throw new BackupRefusal(
    `${where} 不是会场备份清单（${at}） / ${where} is not a hall backup manifest (${at})`,
  );
}

/** `bytes` are the database the manifest describes: size and SHA-256. */
export function checkDigest(bytes: Uint8Array, m: BackupManifest, where: string): void {
  if (bytes.length !== m.bytes || sha256(bytes) !== m.sha256) {
    throw new BackupRefusal(
      `${where} 与清单不符（大小或 SHA-256 不同），备份已损坏或不完整 / ${where} does not match the manifest (size or SHA-256 differ): the backup is damaged or incomplete`,
    );
  }
}

/**
 * An empty private directory to write into: made (0700) when missing, refused when it exists and
 * is not an empty directory. Returns whether it was made (so a failure can remove it again).
 */
export function emptyPrivateDir(dir: string, [zh, en]: readonly [string, string]): boolean {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) {
      throw new BackupRefusal(`${zh} ${dir} 不是目录 / ${en} ${dir} is not a directory`);
    }
    if (readdirSync(dir).length > 0) {
      throw new BackupRefusal(
        `${zh} ${dir} 不是空目录，不会覆盖其中的文件 / ${en} ${dir} is not empty: nothing in it is overwritten`,
      );
    }
    chmodSync(dir, 0o700);
    return false;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return true;
}

/** Remove a directory this run made, if it is still empty (after a failure). */
export function removeIfEmpty(dir: string): void {
  try {
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {
    // gone already
  }
}

/** Write a new file (0600, never over an existing one) and fsync it. */
export function writeNewFile(file: string, data: Uint8Array): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Write a backup directory: the database and its manifest, checked against each other first. */
export function writeBackupDir(dir: string, db: Uint8Array, m: BackupManifest): string[] {
  checkDigest(db, m, '服务器发来的副本 / the server’s copy');
  const files = [path.join(dir, BACKUP_DB), path.join(dir, BACKUP_MANIFEST)];
  writeNewFile(files[0]!, db);
  writeNewFile(files[1]!, Buffer.from(`${JSON.stringify(m, null, 2)}\n`));
  fsyncDir(dir);
  return files;
}

/** Read a backup directory: the manifest, and the database bytes it describes (checked). */
export function readBackupDir(dir: string): { manifest: BackupManifest; db: Buffer } {
  const manifestFile = path.join(dir, BACKUP_MANIFEST);
  const dbFile = path.join(dir, BACKUP_DB);
  const read = (file: string) => {
    try {
      return readFileSync(file);
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? String(e);
      throw new BackupRefusal(`无法读取 ${file}（${why}） / cannot read ${file} (${why})`);
    }
  };
  let json: unknown;
  try {
    json = JSON.parse(read(manifestFile).toString('utf8'));
  } catch (e) {
    if (e instanceof BackupRefusal) throw e;
    throw new BackupRefusal(`${manifestFile} 不是 JSON / ${manifestFile} is not JSON`);
  }
  const manifest = parseManifest(json, manifestFile);
  const db = read(dbFile);
  checkDigest(db, manifest, dbFile);
  return { manifest, db };
}
