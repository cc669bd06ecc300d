import { useState } from 'react';
import { checkProfileDocument } from '@hall/shared';
import { useI18n } from '../../lib/i18n';
import { documentOf, editable, type Draft } from './draft';

/** Hand a profile document to the browser as a `<id>-v<version>.json` download. */
export function downloadDocument(d: Draft) {
  const text = `${JSON.stringify(documentOf(d), null, 2)}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${d.id || 'profile'}-v${d.version}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The JSON document (README "Profile documents", as `hall profile show` prints it): imported by
 * pasting or from a file into the editor (whatever is wrong with it is then shown at its field),
 * exported as a download.
 */
export function DocumentIO({ draft, onImport }: { draft: Draft; onImport: (d: Draft) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = (raw: string) => {
    setError(null);
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (e) {
      setError(`${t('profImportBad')}：${(e as Error).message}`);
      return;
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      setError(t('profImportBad'));
      return;
    }
    if (!editable(data)) {
      const problems = checkProfileDocument(data).problems;
      setError(
        [t('profImportShape'), ...problems.map((p) => `${p.path}：${p.message}`)].join('；'),
      );
      return;
    }
    onImport(data);
    setText('');
  };

  return (
    <section className="panel prof-io" aria-label={t('profDocument')}>
      <h3>{t('profDocument')}</h3>
      <label>
        {t('profImportText')}
        <textarea rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="actions">
        <button type="button" disabled={!text.trim()} onClick={() => load(text)}>
          {t('profImport')}
        </button>
        <label className="prof-file">
          {t('profImportFile')}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (!file) return;
              void file.text().then((raw) => {
                load(raw);
                input.value = '';
              });
            }}
          />
        </label>
        <button type="button" onClick={() => downloadDocument(draft)}>
          {t('profExportDocument')}
        </button>
      </div>
      {error ? (
        <p role="alert" className="error" data-testid="import-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
