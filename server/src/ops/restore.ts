import { rmSync } from 'node:fs';
import path from 'node:path';
import { fsyncDir } from '../db/durable-file';
import { copyFacts, openReadOnly } from '../db/snapshot';
import { canonicalHash } from '../records/canonical';
import { verifyRecords } from '../records/verify';
import {
  BACKUP_DB,
  BackupRefusal,
  emptyPrivateDir,
  readBackupDir,
  removeIfEmpty,
  writeNewFile,
} from './backup-files';

/** What `restore` printed (`{dataDir, records, valid}` and what a person checks next). */
export interface RestoreReport {
  dataDir: string;
  records: number;
  valid: boolean;
  hall: string;
  schemaVersion: number;
  publicKey: string;
  /** A vote open in the backup: the restored hall needs its ballot key in HALL_KEY_DIR. */
  openVote: number | null;
}

/**
 * Restore a backup directory into a new, empty data directory (offline: no server). The copy
 * is checked against its manifest (size, SHA-256), written 0600 into a 0700 directory, opened
 * read-only, and its record chain verified under the manifest's public key. Anything off is a
 * refusal, and what this run wrote is removed again.
 */
export function restoreBackup(backupDir: string, dataDir: string): RestoreReport {
  const { manifest, db } = readBackupDir(backupDir);
  const made = emptyPrivateDir(dataDir, ['目标数据目录', 'the target data directory']);
  const file = path.join(dataDir, BACKUP_DB);
  try {
    writeNewFile(file, db);
    fsyncDir(dataDir);
    const restored = openReadOnly(file);
    let facts;
    try {
      facts = copyFacts(restored);
    } finally {
      restored.close();
    }
    const fail = (zh: string, en: string): never => {
      throw new BackupRefusal(`恢复的数据库${zh} / the restored database ${en}`);
    };
    if (facts.schemaVersion !== manifest.schemaVersion) {
      fail(
        `版本 ${facts.schemaVersion} 与清单的 ${manifest.schemaVersion} 不同`,
        `is at schema version ${facts.schemaVersion}, the manifest says ${manifest.schemaVersion}`,
      );
    }
    const records = facts.records.map((j) => JSON.parse(j) as unknown);
    const last = records.at(-1);
    if (
      records.length !== manifest.records ||
      (last ? canonicalHash(last) : null) !== manifest.lastHash
    ) {
      fail(
        `含 ${records.length} 条记录，与清单（${manifest.records} 条，末条哈希 ${manifest.lastHash ?? '无'}）不符`,
        `holds ${records.length} records, not the manifest's ${manifest.records} ending in ${manifest.lastHash ?? 'none'}`,
      );
    }
    if (records.length > 0) {
      const report = verifyRecords(records, { publicKey: manifest.publicKey });
      if (!report.valid) {
        fail(
          `的记录链未通过校验：${report.problems[0] ?? '?'}`,
          `fails the record chain check: ${report.problems[0] ?? '?'}`,
        );
      }
    }
    return {
      dataDir,
      records: records.length,
      valid: true,
      hall: manifest.hall,
      schemaVersion: manifest.schemaVersion,
      publicKey: manifest.publicKey,
      openVote: manifest.openVote,
    };
  } catch (e) {
    rmSync(file, { force: true });
    if (made) removeIfEmpty(dataDir);
    throw e;
  }
}
