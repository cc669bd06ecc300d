import { validateProfile } from '../validate';
import type { Profile } from '../schema';
import { anhui2013 } from './anhui-2013';
import { shenzhen2011 } from './shenzhen-2011';
import { zizhou } from './zizhou';

/** The three profiles written from the seed documents (DOMAIN.md "The three profiles"). */
export const SEED_PROFILES: readonly Profile[] = [anhui2013, zizhou, shenzhen2011].map((p) =>
  validateProfile(p),
);

export function seedProfile(id: string): Profile | undefined {
  return SEED_PROFILES.find((p) => p.id === id);
}

export { anhui2013, shenzhen2011, zizhou };
