import type { ErrorBody } from '@hall/shared';
import { ApiError, UNREACHABLE } from '@hall/ui-shared';
import type { EvaluatorsImport } from './endpoints';
import { rosterFileType } from './roster-upload';

/**
 * `PUT /api/sessions/current/evaluators` (issue 14, invited evaluators of an evaluation meeting)
 * with the file's bytes as they are, like the roster import (roster-upload.ts): CSV
 * `evaluator_id,name,group,seat` in UTF-8 or GB18030, or XLSX; the server reads the encoding. A
 * refusal is an ApiError with the server's one-line message naming the line.
 */
export async function uploadEvaluators(
  token: string,
  file: Blob & { name: string },
  timeoutMs = 60_000,
): Promise<EvaluatorsImport> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let res: Response;
  try {
    res = await fetch('/api/sessions/current/evaluators', {
      method: 'PUT',
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
  return data as EvaluatorsImport;
}
