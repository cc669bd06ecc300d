import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import type { Lang } from '@hall/shared';
import { I18nProvider } from './lib/i18n';

/** Render inside the i18n provider (kept on rerender), Chinese unless said otherwise. */
export function renderIn(ui: ReactElement, lang: Lang = 'zh') {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nProvider lang={lang}>{children}</I18nProvider>
  );
  return render(ui, { wrapper });
}
