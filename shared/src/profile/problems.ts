import { formatProblem, meaningProblems } from './meaning-problems';
import type { Problem } from './problem';
import { PROFILE_FORMAT } from './schema';
import { schemaProblems } from './schema-problems';

/**
 * Every problem of `data` as a profile document: the schema, then the meaning, one per JSON path
 * (the schema's word wins: a field of the wrong shape is not also wrong in meaning). A document
 * of another format is not read at all: its one problem is the format (README "Versions").
 */
export function profileProblems(data: unknown): Problem[] {
  const format = formatProblem(data, PROFILE_FORMAT);
  if (format) return [format];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const p of [...schemaProblems(data), ...meaningProblems(data)]) {
    if (seen.has(p.path)) continue;
    seen.add(p.path);
    problems.push(p);
  }
  return problems;
}
