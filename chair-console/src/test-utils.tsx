import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { vi } from 'vitest';
import type { HistoryEntry, Lang } from '@hall/shared';
import { I18nProvider } from './lib/i18n';

/** Render inside the i18n provider (kept on rerender), Chinese unless said otherwise. */
export function renderIn(ui: ReactElement, lang: Lang = 'zh') {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nProvider lang={lang}>{children}</I18nProvider>
  );
  return render(ui, { wrapper });
}

/** A server that answers GETs and POSTs by path (query ignored) with JSON; anything else is 404. */
export function serveJson(routes: Record<string, unknown>) {
  const fetch = vi.fn(async (url: string, _init?: RequestInit) => {
    const body = routes[url.split('?')[0]!];
    return new Response(JSON.stringify(body ?? { message: 'not found' }), {
      status: body ? 200 : 404,
    });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** One evaluation in an organ's history, 满意 in 2025 unless said otherwise. */
export const historyEntry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  seq: 1,
  year: 2025,
  sessionId: 1,
  title: '报告',
  profile: 'anhui-2013',
  outcome: 'satisfied',
  outcomeLabel: '满意',
  passed: true,
  members: 60,
  present: 55,
  counts: {},
  satisfiedShare: '72.73%',
  announcedAt: '2025-06-01T02:00:00.000Z',
  correctsSeq: null,
  correctionNote: null,
  ...over,
});
