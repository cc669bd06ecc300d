import { useCallback, useEffect, useState } from 'react';
import type { ProfileLibraryEntry } from '@hall/shared';
import { downloadDocument } from '../components/profiles/DocumentIO';
import {
  blankProfile,
  clone,
  copyId,
  copyProfile,
  freeId,
  type Draft,
} from '../components/profiles/draft';
import { ProfileEditor, type EditorMode } from '../components/profiles/ProfileEditor';
import { ProfileList } from '../components/profiles/ProfileList';
import { errorText } from '../lib/api';
import { endpoints } from '../lib/endpoints';
import { useI18n } from '../lib/i18n';
import { fill } from '../lib/user-strings';
import './profiles.css';

/**
 * 测评办法 (issue 14 "Profiles as documents"): the secretariat's profile library and editor. A
 * built-in profile is copied under a new id (version 1); a hall profile is edited into its next
 * version, so no version a vote was decided under ever changes. The server checks the role and
 * every document again.
 */
export function ProfilesPage({ token }: { token: string }) {
  const { t } = useI18n();
  const [entries, setEntries] = useState<ProfileLibraryEntry[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [editing, setEditing] = useState<{ draft: Draft; mode: EditorMode; n: number } | null>(
    null,
  );

  const load = useCallback(async () => {
    try {
      setEntries(await endpoints.profileLibrary(token));
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  }, [token]);
  useEffect(() => {
    void load();
  }, [load]);

  const ids = entries?.map((e) => e.id) ?? [];
  // Each opening of the editor is a fresh one (its own draft, checks and try panel).
  const open = (draft: Draft, mode: EditorMode) => {
    setMessage(null);
    setEditing((prev) => ({ draft, mode, n: (prev?.n ?? 0) + 1 }));
  };
  const copy = (e: ProfileLibraryEntry) =>
    open(copyProfile(e.profile, copyId(e.id, ids)), { kind: 'copy', from: e.id });
  const edit = (e: ProfileLibraryEntry) => {
    const newest = Math.max(...(entries ?? []).filter((x) => x.id === e.id).map((x) => x.version));
    open({ ...clone(e.profile), version: newest + 1 }, { kind: 'edit' });
  };

  return (
    <div className="profiles-page">
      {message ? (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'ok' : 'error'}
          data-testid="profiles-message"
        >
          {message.text}
        </p>
      ) : null}
      {editing ? (
        <ProfileEditor
          key={editing.n}
          token={token}
          initial={editing.draft}
          mode={editing.mode}
          onCancel={() => setEditing(null)}
          onSaved={(id, version) => {
            setEditing(null);
            setMessage({ ok: true, text: fill(t('profSaved'), { id, n: String(version) }) });
            void load();
          }}
        />
      ) : null}
      <section className="panel" aria-label={t('profLibrary')}>
        <h2>{t('profLibrary')}</h2>
        <div className="actions">
          <button
            type="button"
            onClick={() => open(blankProfile(freeId('hall-profile', ids)), { kind: 'new' })}
          >
            {t('profNew')}
          </button>
        </div>
        {entries ? (
          <ProfileList
            entries={entries}
            onCopy={copy}
            onEdit={edit}
            onExport={(e) => downloadDocument(e.profile)}
          />
        ) : null}
      </section>
    </div>
  );
}
