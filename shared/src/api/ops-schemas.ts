import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from './reply-schemas';

/**
 * GET /api/ready (public, like /api/health): whether the hall can do its work now. It names only
 * bus ids, drivers and fixed codes: no path, no seat, no member (issue 12 "Operations").
 */
export const ReadyReply = Type.Object({
  ready: Type.Boolean({ description: 'true when every part below is ok (HTTP 200; else 503)' }),
  database: Type.Object({
    ok: Type.Boolean({ description: 'the database answers a read and takes a write lock' }),
    error: Type.Optional(
      Type.Union([Type.Literal('closed'), Type.Literal('busy'), Type.Literal('failed')]),
    ),
  }),
  buses: Type.Array(
    Type.Object({
      id: Type.String(),
      driver: Type.String({ description: 'modbus-rtu or wireless-base' }),
      ok: Type.Boolean({ description: "the bus's line is open" }),
      error: Type.Optional(Type.Literal('down')),
    }),
  ),
  signingKey: Type.Object({
    ok: Type.Boolean({
      description: 'the record-signing key is loaded, signs, and is in the key directory',
    }),
    error: Type.Optional(
      Type.Union([Type.Literal('missing'), Type.Literal('different'), Type.Literal('unusable')]),
    ),
  }),
});
export type ReadyReply = Static<typeof ReadyReply>;

/** The format name and version of a hall backup's manifest (`backup.json`). */
export const BACKUP_FORMAT = 'hall-backup';
/** The reply header of `GET /api/backup` that carries the manifest (base64url JSON). */
export const BACKUP_MANIFEST_HEADER = 'x-hall-backup-manifest';
export const BACKUP_FORMAT_VERSION = 1;

/**
 * A backup's manifest (GET /api/backup's `x-hall-backup-manifest` header, `backup.json`): what
 * the copy of the database holds and how to check it. Every figure is read from the copy itself.
 */
export const BackupManifest = Type.Object({
  format: Type.Literal(BACKUP_FORMAT),
  formatVersion: Type.Literal(BACKUP_FORMAT_VERSION),
  hall: Type.String(),
  /** The database file in the backup directory. */
  file: Type.Literal('hall.db'),
  /** `PRAGMA user_version` of the copy (the schema's migrations). */
  schemaVersion: Type.Integer({ minimum: 0 }),
  /** Sealed records in the copy, and the chain's head: seq and full SHA-256 of its canonical form. */
  records: Type.Integer({ minimum: 0 }),
  lastSeq: Nullable(Type.Integer({ minimum: 1 })),
  lastHash: Nullable(Type.String({ pattern: '^[0-9a-f]{64}$' })),
  /** The vote that was open when the copy was taken (its ballots are in it, encrypted), if any. */
  openVote: Nullable(Type.Integer({ minimum: 1 })),
  /** The hall's public signing key (`key show`): the records in the copy must verify under it. */
  publicKey: Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$' }),
  createdAt: Type.String({ description: 'ISO 8601 UTC with milliseconds' }),
  bytes: Type.Integer({ minimum: 0 }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});
export type BackupManifest = Static<typeof BackupManifest>;
