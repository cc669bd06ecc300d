import type { ErrorBody, RosterImportReply } from '@hall/shared';
import { ApiError, UNREACHABLE } from '@hall/ui-shared';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type a roster file is sent with, by its name; the server reads the bytes. */
export function rosterFileType(name: string): string {
  if (/\.xlsx$/i.test(name)) return XLSX_TYPE;
  if (/\.(csv|txt)$/i.test(name)) return 'text/csv';
  return 'application/octet-stream';
}

/**
 * Send a roster-like file's bytes as they are (`POST /api/roster`, `PUT /api/sessions/current/
 * evaluators`): the server detects UTF-8, GB18030 or XLSX. A refusal is an ApiError with the
 * server's one-line message (naming the line or sheet row), as fetchJson's are.
 */
export async function uploadFile<T>(
  url: string,
  method: 'POST' | 'PUT',
  token: string,
  file: Blob & { name: string },
  timeoutMs = 60_000,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': rosterFileType(file.name) },
      body: file,
      signal: controller.signal,
    });
  } catch {
    throw new ApiError(0, UNREACHABLE);
  } finally {
    clearTimeout(timer);
  }
  const text = await res.text().catch(() => '');
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const body = (data ?? {}) as Partial<ErrorBody>;
    throw new ApiError(res.status, body.message ?? res.statusText, body.code);
  }
  return data as T;
}

/** `POST /api/roster` (server/src/routes/roster-routes.ts): the committee roster, replaced. */
export const uploadRoster = (token: string, file: Blob & { name: string }, timeoutMs = 60_000) =>
  uploadFile<RosterImportReply>('/api/roster', 'POST', token, file, timeoutMs);
