import { seedProfile, SEED_PROFILES, validateProfile, type Profile } from '@hall/shared';
import { invalid } from '../errors';
import type { ProfileResolver } from './vote-ports';

/**
 * A profile this hall can run: valid, and not allowing a change of ballot before close (server/
 * SECRECY.md "Changing a ballot": not supported, so refused with the reason, never ignored).
 */
export function supportedProfile(profile: Profile): Profile {
  if (profile.allowChangeBeforeClose) {
    throw invalid(
      'CHANGE_NOT_SUPPORTED',
      `测评办法 ${profile.id} 允许结束前更改选择，本会场不支持（首次按键即为最终选择） / profile ${profile.id} allows changing a ballot before close, which this hall does not support (the first press is final)`,
    );
  }
  return validateProfile(profile);
}

/** The seed profile of this id, if this hall can run it; refused with the known ids if unknown. */
export function hallProfile(id: string): Profile {
  const profile = seedProfile(id);
  if (!profile) {
    const known = SEED_PROFILES.map((p) => p.id).join(', ');
    throw invalid(
      'UNKNOWN_PROFILE',
      `未知的测评办法“${id}”（可用：${known}） / unknown profile "${id}" (known: ${known})`,
    );
  }
  return supportedProfile(profile);
}

/** The resolver of a hall without a profile library (tests): built-in ids and documents. */
export const BUILT_IN_PROFILES: ProfileResolver = {
  resolve: (ref) => (typeof ref === 'string' ? hallProfile(ref) : validateProfile(ref)),
};
