import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, openSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST_HEADER,
  type BackupManifest,
} from '@hall/shared';
import type { Db } from '../db/open-db';
import { copyDatabase, copyFacts, openReadOnly } from '../db/snapshot';
import { canonicalHash } from '../records/canonical';

/** What a backup needs of the running hall. */
export interface BackupSource {
  db: Db;
  dataDir: string;
  hall: string;
  /** The hall's public signing key (`key show`). */
  publicKey: string;
  now?: () => Date;
}

/** A backup being sent: the copy's bytes (its file is already gone) and its manifest. */
export interface TakenBackup {
  manifest: BackupManifest;
  stream: Readable;
}

/** The private copy a backup makes while it runs, in the data directory (0600). */
const TEMP = /^\.backup-[0-9a-f]{32}\.db(-journal)?$/;

/** SHA-256 and size of a file, read as a stream. */
export async function fileDigest(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** What a copy of the hall database holds: schema version, records and the chain's head. */
export function describeCopy(file: string) {
  const db = openReadOnly(file);
  try {
    const facts = copyFacts(db);
    const last = facts.records.at(-1);
    const head = last === undefined ? null : (JSON.parse(last) as { seq: number });
    return {
      ...facts,
      lastSeq: head?.seq ?? null,
      lastHash: head ? canonicalHash(head) : null,
    };
  } finally {
    db.close();
  }
}

/**
 * Backups of the running hall (issue 12 "Operations"): the server, never the caller, chooses
 * where the copy goes: a private temporary file in its own data directory, removed before the
 * first byte is sent (the open descriptor keeps it readable), so a caller names no path and no
 * copy lingers. One backup at a time.
 */
export class BackupService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly source: BackupSource) {}

  take(): Promise<TakenBackup> {
    const run = this.queue.then(
      () => this.takeOne(),
      () => this.takeOne(),
    );
    this.queue = run.catch(() => {});
    return run;
  }

  private async takeOne(): Promise<TakenBackup> {
    const { db, dataDir } = this.source;
    // A copy left by a crash in the middle of an earlier backup (no other runs now).
    for (const name of readdirSync(dataDir)) {
      if (TEMP.test(name)) rmSync(path.join(dataDir, name), { force: true });
    }
    const file = path.join(dataDir, `.backup-${randomBytes(16).toString('hex')}.db`);
    try {
      const createdAt = (this.source.now ?? (() => new Date()))().toISOString();
      await copyDatabase(db, file);
      const held = describeCopy(file);
      const digest = await fileDigest(file);
      const manifest: BackupManifest = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        hall: this.source.hall,
        file: 'hall.db',
        schemaVersion: held.schemaVersion,
        records: held.records.length,
        lastSeq: held.lastSeq,
        lastHash: held.lastHash,
        openVote: held.openVote,
        publicKey: this.source.publicKey,
        createdAt,
        ...digest,
      };
      const fd = openSync(file, 'r');
      return { manifest, stream: createReadStream('', { fd }) };
    } finally {
      rmSync(file, { force: true });
      rmSync(`${file}-journal`, { force: true });
    }
  }
}

/** The manifest in a header: base64url of its JSON (`x-hall-backup-manifest`). */
export const MANIFEST_HEADER = BACKUP_MANIFEST_HEADER;
export const encodeManifest = (m: BackupManifest) =>
  Buffer.from(JSON.stringify(m), 'utf8').toString('base64url');
