/**
 * A refusal of a service, with the HTTP status it maps to. The message is one line that names
 * what is wrong; the CLI prints it as the reason (CONTRACT.md §1: exit 1).
 */
export class ServiceError extends Error {
  override name = 'ServiceError';
  constructor(
    readonly statusCode: 400 | 401 | 403 | 404 | 409 | 422,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const refuse = (code: string, message: string) => new ServiceError(409, code, message);
export const invalid = (code: string, message: string) => new ServiceError(422, code, message);
export const notFound = (code: string, message: string) => new ServiceError(404, code, message);
