import type { TerminalPairReply, TerminalPressReply } from '@hall/shared';

/** The terminal's two REST calls; everything else arrives on its socket. */
export class TerminalApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, body: unknown, credential?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(credential ? { authorization: `Bearer ${credential}` } : {}),
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new TerminalApiError(0, '无法连接会场服务器 / cannot reach the hall server');
  }
  const data = (await res.json().catch(() => ({}))) as { message?: string };
  if (!res.ok) throw new TerminalApiError(res.status, data.message ?? res.statusText);
  return data as T;
}

export const terminalApi = {
  pair: (code: string) => call<TerminalPairReply>('/api/terminal/pair', { code }),
  press: (credential: string, keys: number[]) =>
    call<TerminalPressReply>('/api/terminal/press', { keys }, credential),
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
