import { DomainError, DomainErrorCode } from '../errors';
import { profileProblems } from './problems';
import type { Profile } from './schema';

/**
 * Check that `data` is a well-formed profile: the schema, then the meaning (options and
 * outcomes named consistently, a ladder that always decides), by the same checks as a profile
 * document (checkProfileDocument). Throws a DomainError naming the first problem and its JSON
 * path; returns the profile unchanged when it is sound.
 */
export function validateProfile(data: unknown): Profile {
  const first = profileProblems(data)[0];
  if (first) {
    throw new DomainError(
      DomainErrorCode.InvalidProfile,
      `测评办法无效，${first.path}：${first.zh} / invalid profile at ${first.path}: ${first.en}`,
    );
  }
  return data as Profile;
}
