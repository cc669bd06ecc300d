import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../testing/app-fixture';
import { HANDSHAKE_FAILURES } from './live-hub';

let f: AppFixture;
let base: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  f = await appFixture();
  await f.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(f.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await f.close();
});

/** Connect to `ns` from the loopback address `from`: 'connected' or the refusal's message. */
function attempt(
  ns: string,
  from: string,
  token?: string,
  auth: Record<string, string> = token ? { token } : {},
): Promise<string> {
  const s = connect(`${base}${ns}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    localAddress: from,
    auth,
  } as Parameters<typeof connect>[1]);
  sockets.push(s);
  return new Promise((resolve) => {
    s.on('connect', () => resolve('connected'));
    s.on('connect_error', (e) => resolve(e.message));
  });
}

describe('failed socket handshakes are throttled per address', () => {
  it(`refuses an address after ${HANDSHAKE_FAILURES.max} bad tokens, without checking the next token`, async () => {
    const from = '127.0.0.2';
    for (let i = 0; i < HANDSHAKE_FAILURES.max; i++) {
      expect(await attempt('/chair', from, `guess-${i}`)).toBe(
        '请先登录 / unauthorized: a valid token is required',
      );
    }
    // the right token now, from the same address: refused all the same
    const blocked = await attempt('/chair', from, f.tokens.chair);
    expect(blocked).toMatch(
      /^连接失败次数过多，请于 1 分钟后（\d\d:\d\d 之后）再试 \/ too many failed handshakes from this address; try again in 1 minute/,
    );
    expect(await attempt('/secretariat', from, f.tokens.secretariat)).toMatch(/^连接失败次数过多/);
    // another address is not affected
    expect(await attempt('/chair', '127.0.0.3', f.tokens.chair)).toBe('connected');
  });

  it('does not count a valid token of the wrong role as a guess', async () => {
    const from = '127.0.0.4';
    for (let i = 0; i < HANDSHAKE_FAILURES.max + 2; i++) {
      expect(await attempt('/chair', from, f.tokens.technician)).toMatch(/^无权访问/);
    }
    expect(await attempt('/chair', from, f.tokens.chair)).toBe('connected');
  });

  it('throttles forged seat-terminal credentials on /terminal the same way', async () => {
    const from = '127.0.0.5';
    for (let i = 0; i < HANDSHAKE_FAILURES.max; i++) {
      const forged = `forged-credential-${String(i).padStart(25, '0')}`;
      expect(await attempt('/terminal', from, undefined, { credential: forged })).toMatch(
        /^终端凭证无效或已撤销/,
      );
    }
    expect(await attempt('/terminal', from, undefined, { credential: 'x' })).toMatch(
      /^连接失败次数过多/,
    );
    // The consoles' namespaces share the count: that address is refused there too.
    expect(await attempt('/chair', from, f.tokens.chair)).toMatch(/^连接失败次数过多/);
  });
});
