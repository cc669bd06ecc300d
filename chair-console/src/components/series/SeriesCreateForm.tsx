import { useState, type FormEvent } from 'react';
import type { SeriesCreateBody, SeriesKind, VoteMethod } from '@hall/shared';
import { errorText } from '../../lib/api';
import type { ProfileChoice } from '../../lib/endpoints';
import { fillIn } from '../../lib/hand-count-strings';
import { useI18n, type StringKey } from '../../lib/i18n';
import type { AgendaItemView } from '../OpenVoteForm';

const METHODS: [VoteMethod, StringKey][] = [
  ['keypads', 'methodKeypads'],
  ['paper', 'methodPaper'],
  ['hands', 'methodHands'],
];

/** The subjects pasted one a line: trimmed, blank lines dropped. */
export function subjectLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/**
 * A new series (issue 14, POST /api/series): many subjects in a row (群众评议: a branch, then each
 * member) or the departments of one report (安徽 第十四条, with its agenda item); how the ballots
 * are taken, whether each subject announces and opens the next by itself, a timer, and the
 * subjects pasted one a line, under one profile for all or a profile per subject.
 */
export function SeriesCreateForm({
  items,
  choices,
  onCreate,
}: {
  items: AgendaItemView[];
  choices: ProfileChoice[];
  onCreate: (body: SeriesCreateBody) => Promise<void>;
}) {
  const { t, pick } = useI18n();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<SeriesKind>('subjects');
  const [itemId, setItemId] = useState<number | ''>('');
  const [method, setMethod] = useState<VoteMethod>('keypads');
  const [autoAdvance, setAutoAdvance] = useState(false);
  const [seconds, setSeconds] = useState('');
  const [text, setText] = useState('');
  const [profileAll, setProfileAll] = useState('');
  const [perSubject, setPerSubject] = useState(false);
  const [profiles, setProfiles] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const subjects = subjectLines(text);
  const fallback = profileAll || choices[0]?.id || '';
  const item = itemId === '' ? items[0] : items.find((i) => i.itemId === itemId);
  const ready = title.trim() !== '' && subjects.length > 0 && fallback !== '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      await onCreate({
        title: title.trim(),
        kind,
        ...(kind === 'departments' && item ? { itemId: item.itemId } : {}),
        subjects: subjects.map((s, i) => ({
          title: s,
          profile: (perSubject && profiles[i]) || fallback,
        })),
        autoAdvance,
        method,
        ...(seconds ? { durationSeconds: Number(seconds) } : {}),
      });
      setText('');
      setTitle('');
      setProfiles({});
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const profileSelect = (value: string, onChange: (v: string) => void, label: string) => (
    <select value={value} aria-label={label} onChange={(e) => onChange(e.target.value)}>
      {choices.map((c) => (
        <option key={c.id} value={c.id}>
          {pick(c.profile.name)}
          {c.builtIn ? '' : `${t('profileHall')} v${c.version ?? 1}`}
        </option>
      ))}
    </select>
  );

  return (
    <form
      className="panel series-create"
      aria-label={t('seriesCreate')}
      onSubmit={(e) => void submit(e)}
    >
      <h2>{t('seriesCreate')}</h2>
      <label>
        {t('seriesTitle')}
        <input name="series-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <fieldset>
        <legend>{t('seriesKind')}</legend>
        {(['subjects', 'departments'] as const).map((k) => (
          <label key={k} className="inline">
            <input
              type="radio"
              name="series-kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            {t(k === 'subjects' ? 'seriesKindSubjects' : 'seriesKindDepartments')}
          </label>
        ))}
      </fieldset>
      {kind === 'departments' ? (
        <label>
          {t('seriesItem')}
          <select
            name="series-item"
            value={item?.itemId ?? ''}
            onChange={(e) => setItemId(e.target.value ? Number(e.target.value) : '')}
          >
            {items.map((i) => (
              <option key={i.itemId} value={i.itemId}>
                {i.organ}：{i.title}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <fieldset className="method-choice">
        <legend>{t('method')}</legend>
        {METHODS.map(([m, key]) => (
          <label key={m} className="inline">
            <input
              type="radio"
              name="series-method"
              value={m}
              checked={method === m}
              onChange={() => setMethod(m)}
            />
            {t(key)}
          </label>
        ))}
      </fieldset>
      <label className="inline">
        <input
          type="checkbox"
          name="series-auto"
          checked={autoAdvance}
          onChange={(e) => setAutoAdvance(e.target.checked)}
        />
        {t('seriesAutoAdvance')}
      </label>
      <label>
        {t('seriesDuration')}
        <input
          name="series-seconds"
          inputMode="numeric"
          value={seconds}
          onChange={(e) => setSeconds(e.target.value.replace(/\D/g, ''))}
        />
      </label>
      <label>
        {t('seriesSubjects')}
        <textarea
          name="series-subjects"
          rows={8}
          placeholder={t('seriesSubjectsHint')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <p className="muted" data-testid="series-subject-count">
        {fillIn(t('seriesSubjectCount'), { n: subjects.length })}
      </p>
      <label>
        {t('seriesProfileAll')}
        {profileSelect(fallback, setProfileAll, t('seriesProfileAll'))}
      </label>
      <label className="inline">
        <input
          type="checkbox"
          name="series-per-subject"
          checked={perSubject}
          onChange={(e) => setPerSubject(e.target.checked)}
        />
        {t('seriesProfileEach')}
      </label>
      {perSubject && subjects.length > 0 ? (
        <ol className="series-subject-profiles">
          {subjects.map((s, i) => (
            <li key={`${i}-${s}`}>
              <span>{s}</span>{' '}
              {profileSelect(
                profiles[i] || fallback,
                (v) => setProfiles({ ...profiles, [i]: v }),
                `${s} ${t('profile')}`,
              )}
            </li>
          ))}
        </ol>
      ) : null}
      <button type="submit" className="primary" disabled={busy || !ready}>
        {t('seriesCreate')}
      </button>
      {error ? (
        <p role="alert" className="error" data-testid="series-create-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
