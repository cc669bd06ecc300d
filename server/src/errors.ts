import type { HallErrorCode, HandshakeRefusal } from '@hall/shared';

/** The hall's refusal codes live in shared (the consoles match on them): one list for all. */
export { HallErrorCode, isHallErrorCode } from '@hall/shared';

/** Folds any line break (from a quoted field or a library's words) into a space. */
export const oneLine = (text: string) => text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');

/**
 * A refusal of a service, with the HTTP status it maps to. The message is one line that names
 * what is wrong, Chinese first: `中文 / English` (the chair console shows it as is; the CLI
 * prints it as the reason, CONTRACT.md §1: exit 1).
 */
export class ServiceError extends Error {
  override name = 'ServiceError';
  constructor(
    readonly statusCode: 400 | 401 | 403 | 404 | 409 | 422 | 429,
    readonly code: HallErrorCode,
    message: string,
  ) {
    super(oneLine(message)); // never two lines, whatever a caller put in (CONTRACT.md §1)
  }
}

export const refuse = (code: HallErrorCode, message: string) =>
  new ServiceError(409, code, message);
export const invalid = (code: HallErrorCode, message: string) =>
  new ServiceError(422, code, message);
export const notFound = (code: HallErrorCode, message: string) =>
  new ServiceError(404, code, message);

/**
 * A refused socket handshake, for `next(err)`: socket.io sends `err.data` along, so the client
 * sees `connect_error` with `err.data.code` (what it matches on) and the one-line message.
 */
export function handshakeRefusal(
  code: HallErrorCode,
  message: string,
): Error & { data: HandshakeRefusal } {
  const text = oneLine(message);
  return Object.assign(new Error(text), { data: { code, message: text } });
}
