import type { EvaluatorsImport } from './endpoints';
import { uploadFile } from './roster-upload';

/**
 * `PUT /api/sessions/current/evaluators` (issue 14, invited evaluators of an evaluation meeting)
 * with the file's bytes as they are, like the roster import (roster-upload.ts): CSV
 * `evaluator_id,name,group,seat` in UTF-8 or GB18030, or XLSX; the server reads the encoding. A
 * refusal is an ApiError with the server's one-line message naming the line.
 */
export const uploadEvaluators = (
  token: string,
  file: Blob & { name: string },
  timeoutMs = 60_000,
): Promise<EvaluatorsImport> =>
  uploadFile<EvaluatorsImport>('/api/sessions/current/evaluators', 'PUT', token, file, timeoutMs);
