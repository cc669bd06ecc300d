import { useState } from 'react';
import type { TerminalPairReply } from '@hall/shared';
import { saveCredential, savedCredential, terminalApi } from './api';
import { useTerminalLive } from './live';
import { PairScreen } from './screens/PairScreen';
import { SeatScreen } from './screens/SeatScreen';
import { useWords, WordsProvider } from './strings';

function Terminal() {
  const { t } = useWords();
  const [pairing, setPairing] = useState<TerminalPairReply | null>(savedCredential);
  const live = useTerminalLive(pairing?.credential ?? null);

  if (!pairing || live.refused) {
    return (
      <PairScreen
        notice={live.refused ? t('revoked') : null}
        onPaired={(c) => {
          saveCredential(c);
          setPairing(c);
        }}
      />
    );
  }
  return (
    <>
      {!live.connected ? (
        <div role="alert" className="banner">
          {t('disconnected')}
        </div>
      ) : null}
      <p className="seat-line" data-testid="seat">
        {t('paired')} {pairing.seat}
        {live.state?.occupant ? ` · ${live.state.occupant}` : ''}
      </p>
      {live.state?.pairing === 'pending' ? (
        <div className="screen">
          <p className="notice" data-testid="awaiting-confirmation">
            {t('awaitingChair')}
            {pairing.terminalId ? ` · ${t('terminalNo')} ${pairing.terminalId}` : ''}
          </p>
          {live.state.occupant === null ? (
            <p className="notice" data-testid="not-voting">
              {t('unassigned')}
            </p>
          ) : null}
        </div>
      ) : live.state ? (
        <SeatScreen
          state={live.state}
          onPress={(keys) => terminalApi.press(pairing.credential, keys)}
        />
      ) : null}
    </>
  );
}

function Shell() {
  const { t, toggle } = useWords();
  return (
    <main className="terminal">
      <header>
        <span>{t('title')}</span>
        <button type="button" onClick={toggle}>
          {t('language')}
        </button>
      </header>
      <Terminal />
    </main>
  );
}

export function App() {
  return (
    <WordsProvider>
      <Shell />
    </WordsProvider>
  );
}
