import { useState, type FormEvent } from 'react';
import { errorText } from '../../lib/api';
import { endpoints, type ProfileCheck } from '../../lib/endpoints';
import { useI18n } from '../../lib/i18n';
import { fill } from '../../lib/user-strings';
import { documentOf, wholeNumber, type Draft } from './draft';

/**
 * 试算: sample numbers (members, present, the ballots of each option, invalid) decided by the
 * hall server under the document being edited (POST /api/profiles/check with a sample); nothing
 * is saved. The outcome and the explanation are the server's, never worked out here.
 */
export function TryPanel({ token, draft }: { token: string; draft: Draft }) {
  const { t, pick } = useI18n();
  const [numbers, setNumbers] = useState<Record<string, string>>({
    members: '60',
    present: '55',
    invalid: '0',
  });
  const [reply, setReply] = useState<ProfileCheck | null>(null);
  /** How many replies have come back (each result shows its number, for tests to wait on). */
  const [seq, setSeq] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options = draft.optionSet.options;
  const set = (name: string, v: string) => setNumbers((n) => ({ ...n, [name]: v }));
  // A count left blank is 0; anything else must be a whole number.
  const count = (name: string) => wholeNumber((numbers[name] ?? '').trim() || '0');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setReply(null);
    const counts = Object.fromEntries(options.map((o) => [o.key, count(`count:${o.key}`)]));
    const members = wholeNumber(numbers.members ?? '');
    const present = wholeNumber(numbers.present ?? '');
    const invalid = count('invalid');
    if ([members, present, invalid, ...Object.values(counts)].some(Number.isNaN)) {
      setError(t('profTryNumbers'));
      return;
    }
    setBusy(true);
    try {
      const doc = JSON.parse(JSON.stringify(documentOf(draft))) as object;
      setReply(await endpoints.checkProfile(token, doc, { members, present, counts, invalid }));
      setSeq((n) => n + 1);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const outcome = reply?.result
    ? draft.outcomes.find((o) => o.id === reply.result!.outcome)
    : undefined;
  return (
    <section className="panel prof-try" aria-label={t('profTry')}>
      <h3>{t('profTry')}</h3>
      <p className="muted">{t('profTryHelp')}</p>
      <form onSubmit={(e) => void submit(e)} className="prof-row">
        {(
          [
            ['members', t('profTryMembers')],
            ['present', t('profTryPresent')],
            ...options.map((o) => [
              `count:${o.key}`,
              fill(t('profTryCount'), { label: pick(o.label) || o.key }),
            ]),
            ['invalid', t('profTryInvalid')],
          ] as [string, string][]
        ).map(([name, label]) => (
          <label key={name} className="prof-field narrow">
            {label}
            <input
              type="number"
              inputMode="numeric"
              min={0}
              name={`try-${name}`}
              value={numbers[name] ?? ''}
              onChange={(e) => set(name, e.target.value)}
            />
          </label>
        ))}
        <button type="submit" disabled={busy}>
          {t('profTry')}
        </button>
      </form>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {reply && !reply.valid ? (
        <p role="alert" className="error">
          {t('profTryInvalidProfile')}
        </p>
      ) : null}
      {reply?.sampleError ? (
        <p role="alert" className="error" data-testid="try-sample-error">
          {reply.sampleError}
        </p>
      ) : null}
      {reply?.result ? (
        <div role="status" className="prof-try-result" data-testid="try-result" data-seq={seq}>
          <p>
            <strong data-testid="try-outcome">
              {outcome ? pick(outcome.label) : reply.result.outcome}
            </strong>{' '}
            <span className="badge">{t(reply.result.passed ? 'passed' : 'notPassed')}</span>
          </p>
          <p data-testid="try-explanation">{pick(reply.result.explanation)}</p>
        </div>
      ) : null}
    </section>
  );
}
