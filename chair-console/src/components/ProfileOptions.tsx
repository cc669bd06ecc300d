import { SEED_PROFILES } from '@hall/shared';
import { useI18n } from '../lib/i18n';

/** The `<option>`s of every rule profile the hall knows, named in the current language. */
export function ProfileOptions() {
  const { pick } = useI18n();
  return (
    <>
      {SEED_PROFILES.map((p) => (
        <option key={p.id} value={p.id}>
          {pick(p.name)}
        </option>
      ))}
    </>
  );
}
