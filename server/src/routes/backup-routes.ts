import type { FastifyInstance } from 'fastify';
import { BackupService, encodeManifest, MANIFEST_HEADER } from '../ops/backup';
import type { RouteContext } from './types';

/**
 * A backup of the running hall (issue 12 "Operations", CONTRACT.md §1 `backup`): the secretariat
 * gets a consistent copy of the database (SQLite's online backup, taken while presses go on) as
 * the reply's bytes, and its manifest (hall, schema version, records and the chain's head, the
 * public signing key, createdAt, size and SHA-256) as base64url JSON in `x-hall-backup-manifest`.
 * The caller names no path: the server writes only its own private temporary copy, in its data
 * directory, and removes it before sending. No key is in it (HALL_KEY_DIR is kept apart).
 */
export async function backupRoutes(app: FastifyInstance, ctx: RouteContext) {
  const backups = new BackupService({
    db: ctx.hall.db,
    dataDir: ctx.hall.options.dataDir,
    hall: ctx.hall.config.hall,
    publicKey: ctx.records.publicKey,
    ...(ctx.hall.options.now ? { now: ctx.hall.options.now } : {}),
  });
  // Not `typed(app)`: the reply is bytes (a stream), which no JSON schema types.
  app.get(
    '/api/backup',
    {
      config: { roles: ['secretariat'] },
      schema: {
        tags: ['operations'],
        summary:
          'A consistent copy of the hall database (SQLite); its manifest is base64url JSON in the x-hall-backup-manifest header',
        response: {
          200: {
            description: `application/vnd.sqlite3 (hall.db); header ${MANIFEST_HEADER}: the manifest (BackupManifest), base64url JSON`,
            content: {
              'application/vnd.sqlite3': { schema: { type: 'string', format: 'binary' } },
            },
          },
        },
      },
    },
    async (_req, reply) => {
      const { manifest, stream } = await backups.take();
      return reply
        .type('application/vnd.sqlite3')
        .header('content-disposition', 'attachment; filename="hall.db"')
        .header('content-length', String(manifest.bytes))
        .header('cache-control', 'no-store')
        .header(MANIFEST_HEADER, encodeManifest(manifest))
        .send(stream);
    },
  );
}
