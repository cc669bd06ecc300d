import { useState, type FormEvent } from 'react';
import type { TerminalPairReply } from '@hall/shared';
import { terminalApi } from '../api';
import { useWords } from '../strings';

/** Enter the short code the technician shows in the console; the server issues a credential. */
export function PairScreen({
  onPaired,
  notice,
}: {
  onPaired: (c: TerminalPairReply) => void;
  notice: string | null;
}) {
  const { t } = useWords();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      onPaired(await terminalApi.pair(code));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <form className="screen pair" onSubmit={submit} aria-label={t('pairTitle')}>
      <h1>{t('pairTitle')}</h1>
      {notice ? (
        <p role="alert" className="notice">
          {notice}
        </p>
      ) : null}
      <p>{t('pairHelp')}</p>
      <label>
        {t('pairCode')}
        <input
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
          autoFocus
        />
      </label>
      <button type="submit" className="big-button" disabled={code.length !== 6}>
        {t('pair')}
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
