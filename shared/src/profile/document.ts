import { DomainError, DomainErrorCode } from '../errors';
import { problemMessage } from './problem';
import { profileProblems } from './problems';
import { PROFILE_FORMAT, type Profile } from './schema';

/**
 * Profile documents (CONTRACT.md §1 "profile document", README "Profile documents"): the JSON
 * form of a rule profile that `profile show` prints and a secretariat writes. Every problem is
 * named by its JSON path, its message Chinese first (`中文 / English`).
 */

/** One problem of a document, named by its JSON path (`/ladder/2/when/0/fraction`). */
export interface ProfileProblem {
  path: string;
  message: string;
}

export interface ProfileDocumentCheck {
  valid: boolean;
  problems: ProfileProblem[];
}

/** Every problem of `data` as a profile document (schema and meaning); none when it is sound. */
export function checkProfileDocument(data: unknown): ProfileDocumentCheck {
  const problems = profileProblems(data).map((p) => ({ path: p.path, message: problemMessage(p) }));
  return { valid: problems.length === 0, problems };
}

/**
 * `data` as a profile, or a DomainError (INVALID_PROFILE) whose message lists every problem
 * (`/ladder/0/outcome：…；/optionSet/options/1/seatKey：…`).
 */
export function parseProfileDocument(data: unknown): Profile {
  const check = checkProfileDocument(data);
  if (!check.valid) {
    throw new DomainError(
      DomainErrorCode.InvalidProfile,
      check.problems.map((p) => `${p.path}：${p.message}`).join('；'),
    );
  }
  return data as Profile;
}

/** A profile as `profile show` prints it: the format first, then the profile unchanged. */
export function profileDocument(p: Profile): Profile {
  const { format: _format, ...rest } = p;
  return { format: PROFILE_FORMAT, ...rest };
}
