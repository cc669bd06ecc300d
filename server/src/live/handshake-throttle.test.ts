import { io as connect } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { handshakeRefusalCode } from '@hall/shared';
import { listeningApp } from '../../test-support/listening-app';
import { HANDSHAKE_FAILURES } from './live-hub';

const live = listeningApp();

/** The message of the last refused handshake (for the one check of what it says). */
let lastMessage = '';

/** Connect to `ns` from the loopback address `from`: 'connected' or the refusal's code. */
function attempt(
  ns: string,
  from: string,
  token?: string,
  auth: Record<string, string> = token ? { token } : {},
): Promise<string> {
  const s = connect(`${live.base}${ns}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    localAddress: from,
    auth,
  } as Parameters<typeof connect>[1]);
  live.sockets.push(s);
  return new Promise((resolve) => {
    s.on('connect', () => resolve('connected'));
    s.on('connect_error', (e) => {
      lastMessage = e.message;
      resolve(handshakeRefusalCode(e) ?? e.message);
    });
  });
}

describe('failed socket handshakes are throttled per address', () => {
  it(`refuses an address after ${HANDSHAKE_FAILURES.max} bad tokens, without checking the next token`, async () => {
    const from = '127.0.0.2';
    for (let i = 0; i < HANDSHAKE_FAILURES.max; i++) {
      expect(await attempt('/chair', from, `guess-${i}`)).toBe('NO_TOKEN');
    }
    // the right token now, from the same address: refused all the same
    expect(await attempt('/chair', from, live.f.tokens.chair)).toBe('HANDSHAKE_THROTTLED');
    expect(lastMessage).toMatch(/try again in 1 minute/); // says when, in the words of throttle.ts
    expect(await attempt('/secretariat', from, live.f.tokens.secretariat)).toBe(
      'HANDSHAKE_THROTTLED',
    );
    // another address is not affected
    expect(await attempt('/chair', '127.0.0.3', live.f.tokens.chair)).toBe('connected');
  });

  it('does not count a valid token of the wrong role as a guess', async () => {
    const from = '127.0.0.4';
    for (let i = 0; i < HANDSHAKE_FAILURES.max + 2; i++) {
      expect(await attempt('/chair', from, live.f.tokens.technician)).toBe('WRONG_ROLE');
    }
    expect(await attempt('/chair', from, live.f.tokens.chair)).toBe('connected');
  });

  it('throttles forged seat-terminal credentials on /terminal the same way', async () => {
    const from = '127.0.0.5';
    for (let i = 0; i < HANDSHAKE_FAILURES.max; i++) {
      const forged = `forged-credential-${String(i).padStart(25, '0')}`;
      expect(await attempt('/terminal', from, undefined, { credential: forged })).toBe(
        'BAD_CREDENTIAL',
      );
    }
    expect(await attempt('/terminal', from, undefined, { credential: 'x' })).toBe(
      'HANDSHAKE_THROTTLED',
    );
    // The consoles' namespaces share the count: that address is refused there too.
    expect(await attempt('/chair', from, live.f.tokens.chair)).toBe('HANDSHAKE_THROTTLED');
  });
});
