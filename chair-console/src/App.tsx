import { I18nProvider } from './lib/i18n';
import { ConsoleApp } from './pages/ConsoleApp';
import { DisplayPage } from './pages/DisplayPage';

/** `/display` is the hall display (no login); everything else is the console. */
export function App({ path }: { path: string }) {
  return (
    <I18nProvider>{path.startsWith('/display') ? <DisplayPage /> : <ConsoleApp />}</I18nProvider>
  );
}
