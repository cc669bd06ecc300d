import { useEffect, useMemo, useState } from 'react';
import type { Text } from '@hall/shared';
import { errorText } from '../../lib/api';
import { endpoints, type ProfileCheck } from '../../lib/endpoints';
import { useI18n } from '../../lib/i18n';
import { fill } from '../../lib/user-strings';
import { BasicsEditor } from './BasicsEditor';
import { DocumentIO } from './DocumentIO';
import { checkLocally, clone, documentOf, type Draft } from './draft';
import { LadderEditor } from './LadderEditor';
import { OptionsEditor } from './OptionsEditor';
import { OutcomesEditor } from './OutcomesEditor';
import { ProblemList, ProblemsProvider } from './problems';
import { TryPanel } from './TryPanel';

/** How the editor was opened: a new profile, a copy of one, or the next version of a hall one. */
export type EditorMode = { kind: 'new' } | { kind: 'copy'; from: string } | { kind: 'edit' };

/** How long the editor waits after a change before asking the hall server to check it (ms). */
export const CHECK_DELAY_MS = 250;

/**
 * The profile editor (issue 14 "Profiles as documents"): every part of the document, the rule
 * read back as it is edited, every problem at its field and in a list, 试算 on sample counts, and
 * 保存. The browser's check (shared checkProfileDocument, describeProfile) answers at once; the
 * hall server's (POST /api/profiles/check) is the authority and replaces it when it answers for
 * the document as it is. A saved version is never changed: saving an existing id makes its next
 * version on the server.
 */
export function ProfileEditor({
  token,
  initial,
  mode: initialMode,
  onSaved,
  onCancel,
}: {
  token: string;
  initial: Draft;
  mode: EditorMode;
  onSaved: (id: string, version: number) => void;
  onCancel: () => void;
}) {
  const { t, pick } = useI18n();
  const [draft, setDraft] = useState<Draft>(initial);
  const [mode, setMode] = useState<EditorMode>(initialMode);
  const [server, setServer] = useState<{ of: Draft; reply: ProfileCheck } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const local = useMemo(() => checkLocally(draft), [draft]);
  const change = (fn: (d: Draft) => void) =>
    setDraft((prev) => {
      const d = clone(prev);
      fn(d);
      return d;
    });

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      const doc = JSON.parse(JSON.stringify(documentOf(draft))) as object;
      endpoints.checkProfile(token, doc).then(
        (reply) => {
          if (!stale) setServer({ of: draft, reply });
        },
        () => {
          // Unreachable or refused: the browser's check stays shown; saving asks again.
        },
      );
    }, CHECK_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [draft, token]);

  const checked = server?.of === draft ? server.reply : null;
  const valid = checked ? checked.valid : local.valid;
  const problems = checked ? checked.problems : local.problems;
  const rules: Text[] | null = checked ? (checked.valid ? checked.rules : null) : local.rules;

  const save = async () => {
    setError(null);
    setBusy(true);
    try {
      const doc = JSON.parse(JSON.stringify(documentOf(draft))) as object;
      const saved = await endpoints.saveProfile(token, doc);
      onSaved(saved.id, saved.version);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const title =
    mode.kind === 'new'
      ? t('profEditorNew')
      : mode.kind === 'copy'
        ? fill(t('profEditorCopy'), { id: draft.id })
        : fill(t('profEditorEdit'), { id: draft.id, n: String(draft.version) });
  return (
    <ProblemsProvider problems={problems}>
      <section className="prof-editor" aria-label={title}>
        <h2>{title}</h2>
        <div className="prof-editor-columns">
          <div className="prof-editor-form">
            <BasicsEditor draft={draft} change={change} idLocked={mode.kind === 'edit'} />
            <OptionsEditor draft={draft} change={change} />
            <OutcomesEditor draft={draft} change={change} />
            <LadderEditor draft={draft} change={change} readBack={rules} />
          </div>
          <aside className="prof-editor-side">
            <section className="panel prof-readback" aria-label={t('profReadBack')}>
              <h3>{t('profReadBack')}</h3>
              {rules ? (
                <>
                  <ol data-testid="profile-readback">
                    {rules.map((r, i) => (
                      <li key={i}>{pick(r)}</li>
                    ))}
                  </ol>
                  <p className="muted" data-testid="readback-source">
                    {t(checked ? 'profReadBackServer' : 'profReadBackLocal')}
                  </p>
                </>
              ) : (
                <p className="muted">{t('profReadBackNone')}</p>
              )}
            </section>
            <ProblemList problems={problems} />
            <TryPanel token={token} draft={draft} />
            <DocumentIO
              draft={draft}
              onImport={(d) => {
                setDraft(d);
                setMode({ kind: 'new' });
              }}
            />
            {error ? (
              <p role="alert" className="error" data-testid="save-error">
                {error}
              </p>
            ) : null}
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={busy || !valid}
                onClick={() => void save()}
              >
                {t('profSave')}
              </button>
              <button type="button" onClick={onCancel}>
                {t('profCancel')}
              </button>
            </div>
          </aside>
        </div>
      </section>
    </ProblemsProvider>
  );
}
