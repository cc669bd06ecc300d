import type { VoteOpenBody } from '@hall/shared';
import { errorText } from '../lib/api';
import { useState, type FormEvent } from 'react';
import { SEED_PROFILES } from '@hall/shared';
import { useI18n } from '../lib/i18n';
import { ProfileOptions } from './ProfileOptions';

export interface AgendaItemView {
  itemId: number;
  title: string;
  organ: string;
}

export type OpenVoteRequest = VoteOpenBody;

/**
 * Open an evaluation: item, profile, optional timer. The server refuses without a quorum; the
 * form shows its reason as it is.
 */
export function OpenVoteForm({
  items,
  onOpen,
  disabled,
}: {
  items: AgendaItemView[];
  onOpen: (req: OpenVoteRequest) => Promise<void>;
  disabled: boolean;
}) {
  const { t } = useI18n();
  // null: not chosen yet, which means the first agenda item (the agenda may arrive after this).
  const [chosen, setChosen] = useState<number | '' | null>(null);
  const itemId = chosen ?? items[0]?.itemId ?? '';
  const [title, setTitle] = useState('');
  const [profile, setProfile] = useState(SEED_PROFILES[0]!.id);
  const [seconds, setSeconds] = useState('');
  const [error, setError] = useState<string | null>(null);
  const item = items.find((i) => i.itemId === itemId);
  const effectiveTitle = title.trim() || (item ? `${item.organ}：${item.title}` : '');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await onOpen({
        title: effectiveTitle,
        profile,
        ...(item ? { itemId: item.itemId } : {}),
        ...(seconds ? { durationSeconds: Number(seconds) } : {}),
      });
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <form className="panel open-vote" onSubmit={submit} aria-label={t('openVote')}>
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
          <ProfileOptions />
        </select>
      </label>
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
