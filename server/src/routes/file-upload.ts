import { RosterImportBody } from '@hall/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ServiceError } from '../errors';
import { XLSX_TYPE } from '../roster/read-roster-file';

/**
 * Uploads of a roster-like file (the committee roster, an evaluation meeting's evaluators): the
 * content types a file may be sent as, its bytes as they are (the chair console, the CLI): CSV
 * (Windows calls a .csv `application/vnd.ms-excel`), XLSX, or anything. The bytes decide what the
 * file is (roster/read-roster-file.ts); JSON `{csvBase64}` is still accepted.
 */
const FILE_TYPES = ['text/csv', 'application/vnd.ms-excel', 'application/octet-stream', XLSX_TYPE];

/** At most this many bytes in a file upload. */
export const FILE_BODY_LIMIT = 6_000_000;

/** Take the file types' bodies as raw bytes, in the calling route module's own scope only. */
export function acceptFileBodies(app: FastifyInstance): void {
  app.addContentTypeParser(
    FILE_TYPES,
    { parseAs: 'buffer', bodyLimit: FILE_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );
}

/** The route's body schema: JSON `{csvBase64}` or a file's bytes (described for OpenAPI). */
export function fileBodySchema(description: string) {
  const bytes = Type.Unsafe<Buffer>({ description });
  return {
    content: {
      'application/json': { schema: RosterImportBody },
      ...Object.fromEntries(FILE_TYPES.map((t) => [t, { schema: bytes }])),
    },
  };
}

/**
 * The uploaded file's bytes. Only JSON and the file types are validated (the body schema): any
 * other body (text/plain, none at all) is refused here, with `what` naming the file expected.
 */
export function uploadedBytes(body: unknown, what: { zh: string; en: string }): Buffer {
  const b = body as { csvBase64?: unknown } | Buffer | undefined;
  if (Buffer.isBuffer(b)) return b;
  if (typeof b === 'object' && b !== null && typeof b.csvBase64 === 'string')
    return Buffer.from(b.csvBase64, 'base64');
  throw new ServiceError(
    400,
    'INVALID_REQUEST',
    `请求须带${what.zh}（CSV 或 XLSX） / the request must carry ${what.en} (CSV or XLSX)`,
  );
}
