import { useEffect, useState, type FormEvent } from 'react';
import { SEED_PROFILES, type VoteMethod } from '@hall/shared';
import { errorText } from '../lib/api';
import { endpoints, type OpenVoteBody, type ProfileChoice } from '../lib/endpoints';
import { useI18n, type StringKey } from '../lib/i18n';
import { ProfileOptions } from './ProfileOptions';

export interface AgendaItemView {
  itemId: number;
  title: string;
  organ: string;
}

export type OpenVoteRequest = OpenVoteBody;

/** The abandoned vote a retake by hand replaces, and what it was opened with (when known). */
export interface RetakeTarget {
  voteId: number;
  title: string;
  itemId?: number;
  profile?: string;
}

const METHODS: [VoteMethod, StringKey][] = [
  ['keypads', 'methodKeypads'],
  ['paper', 'methodPaper'],
  ['hands', 'methodHands'],
];

/**
 * Open an evaluation: item, profile (the built-in ones and the hall's own, GET /api/profiles),
 * how the ballots are taken (表决器 by default; 纸质票 and 举手 are counted by people), optional
 * timer. The server refuses without a quorum; the form shows its reason as it is. After a keypad
 * vote was abandoned (issue 14), `retake` offers to take it again by hand (`retakeOf`).
 */
export function OpenVoteForm({
  items,
  onOpen,
  disabled,
  token,
  retake,
  initialProfile,
}: {
  items: AgendaItemView[];
  onOpen: (req: OpenVoteRequest) => Promise<void>;
  disabled: boolean;
  /** With a token the profile list comes from the server (the hall's own profiles too). */
  token?: string;
  retake?: RetakeTarget | null;
  initialProfile?: string;
}) {
  const { t, pick } = useI18n();
  // null: not chosen yet, which means the first agenda item (the agenda may arrive after this).
  const [chosen, setChosen] = useState<number | '' | null>(null);
  const itemId = chosen ?? items[0]?.itemId ?? '';
  const [title, setTitle] = useState('');
  const [profile, setProfile] = useState(retake?.profile ?? initialProfile ?? SEED_PROFILES[0]!.id);
  const [method, setMethod] = useState<VoteMethod>('keypads');
  const [retakeMethod, setRetakeMethod] = useState<VoteMethod>('paper');
  const [seconds, setSeconds] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<ProfileChoice[] | null>(null);
  const item = items.find((i) => i.itemId === itemId);
  const effectiveTitle = title.trim() || (item ? `${item.organ}：${item.title}` : '');

  useEffect(() => {
    if (!token) return;
    let live = true;
    // Without the list (an older server, a refusal) the built-in profiles are offered.
    endpoints.profileChoices(token).then(
      (c) => live && setChoices(c),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [token]);

  async function send(req: OpenVoteRequest) {
    setError(null);
    try {
      await onOpen(req);
    } catch (err) {
      setError(errorText(err));
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void send({
      title: effectiveTitle,
      profile,
      method,
      ...(item ? { itemId: item.itemId } : {}),
      ...(seconds ? { durationSeconds: Number(seconds) } : {}),
    });
  }

  return (
    <form className="panel open-vote" onSubmit={submit} aria-label={t('openVote')}>
      {retake ? (
        <section className="retake" aria-label={t('retake')} data-testid="retake">
          <p>
            <strong>{t('abandoned')}</strong>：{retake.title}
          </p>
          <fieldset className="method-choice">
            <legend>{t('method')}</legend>
            {METHODS.filter(([m]) => m !== 'keypads').map(([m, key]) => (
              <label key={m} className="inline">
                <input
                  type="radio"
                  name="retake-method"
                  value={m}
                  checked={retakeMethod === m}
                  onChange={() => setRetakeMethod(m)}
                />
                {t(key)}
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            className="primary"
            disabled={disabled}
            onClick={() =>
              void send({
                title: retake.title,
                // The server decides a retake under the abandoned vote's own profile.
                ...(retake.profile ? { profile: retake.profile } : {}),
                method: retakeMethod,
                retakeOf: retake.voteId,
                ...(retake.itemId ? { itemId: retake.itemId } : {}),
              })
            }
          >
            {t('retake')}
          </button>
        </section>
      ) : null}
      {items.length > 0 ? (
        <label>
          {t('item')}
          <select
            value={itemId}
            onChange={(e) => setChosen(e.target.value ? Number(e.target.value) : '')}
          >
            {items.map((i) => (
              <option key={i.itemId} value={i.itemId}>
                {i.organ}：{i.title}
              </option>
            ))}
            <option value="">—</option>
          </select>
        </label>
      ) : null}
      <label>
        {t('title')}
        <input
          value={title}
          placeholder={effectiveTitle}
          onChange={(e) => setTitle(e.target.value)}
          name="title"
        />
      </label>
      <label>
        {t('profile')}
        <select value={profile} onChange={(e) => setProfile(e.target.value)} name="profile">
          {choices && choices.length > 0 ? (
            choices.map((c) => (
              <option key={c.id} value={c.id}>
                {pick(c.profile.name)}
                {c.builtIn ? '' : `${t('profileHall')} v${c.version ?? 1}`}
              </option>
            ))
          ) : (
            <ProfileOptions />
          )}
        </select>
      </label>
      <fieldset className="method-choice">
        <legend>{t('method')}</legend>
        {METHODS.map(([m, key]) => (
          <label key={m} className="inline">
            <input
              type="radio"
              name="method"
              value={m}
              checked={method === m}
              onChange={() => setMethod(m)}
            />
            {t(key)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('timer')}
        <input
          value={seconds}
          onChange={(e) => setSeconds(e.target.value.replace(/\D/g, ''))}
          inputMode="numeric"
          name="seconds"
        />
      </label>
      <button type="submit" disabled={disabled || effectiveTitle === ''}>
        {t('openVote')}
      </button>
      {error ? (
        <p role="alert" className="error" data-testid="open-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
