import type { TerminalPairReply, TerminalPressReply } from '@hall/shared';
import { fetchJson } from '@hall/ui-shared';

/** The terminal's two REST calls; everything else arrives on its socket. */
export { ApiError as TerminalApiError } from '@hall/ui-shared';

export const terminalApi = {
  pair: (code: string) => fetchJson<TerminalPairReply>('/api/terminal/pair', { body: { code } }),
  press: (credential: string, keys: number[]) =>
    fetchJson<TerminalPressReply>('/api/terminal/press', {
      body: { keys },
      token: credential,
    }),
};

const STORE = 'hall.terminal';

export function savedCredential(): TerminalPairReply | null {
  try {
    const raw = localStorage.getItem(STORE);
    return raw ? (JSON.parse(raw) as TerminalPairReply) : null;
  } catch {
    return null;
  }
}

export function saveCredential(c: TerminalPairReply | null): void {
  if (c) localStorage.setItem(STORE, JSON.stringify(c));
  else localStorage.removeItem(STORE);
}
