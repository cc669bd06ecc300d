import { useRef, useState } from 'react';
import type { Text } from '@hall/shared';
import { useI18n } from '../lib/i18n';

/** Copy `text` to the clipboard; the older selection-and-copy where the Clipboard API is absent. */
async function copy(text: string, select: () => void): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through: a page served over plain HTTP on the hall LAN has no Clipboard API
  }
  select();
  try {
    return document.execCommand?.('copy') ?? false;
  } catch {
    return false;
  }
}

/**
 * The announcement text the chair reads out (宣读稿), made by the server from the result's
 * figures (`announcementText` in @hall/shared), with a button that copies it. It is always the
 * Chinese text first: the chair reads it out in the hall; the English beside it in English mode.
 */
export function AnnouncementText({ text }: { text: Text }) {
  const { t, lang } = useI18n();
  const [copied, setCopied] = useState<boolean | null>(null);
  const box = useRef<HTMLParagraphElement>(null);
  const select = () => {
    const el = box.current;
    const sel = window.getSelection?.();
    if (!el || !sel) return;
    const range = document.createRange();
    range.selectNodeContents(el);
    sel.removeAllRanges();
    sel.addRange(range);
  };
  return (
    <section className="announcement" aria-label={t('announcementText')}>
      <h3>{t('announcementText')}</h3>
      <p className="announcement-text" lang="zh-CN" ref={box} data-testid="announcement-text">
        {text.zh}
      </p>
      {lang === 'en' ? (
        <p className="announcement-text-en muted" lang="en">
          {text.en}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          data-testid="copy-announcement"
          onClick={() => {
            void copy(text.zh, select).then(setCopied);
          }}
        >
          {t('copyText')}
        </button>
        {copied === true ? (
          <span role="status" className="ok">
            {t('copied')}
          </span>
        ) : null}
        {copied === false ? (
          <span role="status" className="error">
            {t('copyTextFailed')}
          </span>
        ) : null}
      </div>
    </section>
  );
}
