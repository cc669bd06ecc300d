import { handshakeRefusalCode, type Role } from '@hall/shared';
import { Manager } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppFixture } from '../../test-support/app-fixture';
import { C, CREDENTIALS, HOLDS, spellingApp, S, T } from '../../test-support/spelling';

/**
 * Issue 10: access is decided from the namespace socket.io matched, never from its spelling.
 * The table below is written by hand — NOT read back from the server — so that a namespace
 * added without a line here, or one whose access was loosened, fails. The HTTP routes are in
 * access-spelling-http.test.ts.
 */

/** The socket.io namespaces: a role's token, anyone (read-only), or the terminal's own check. */
const NAMESPACES: Record<string, Role | 'public' | 'own-credential'> = {
  '/chair': C,
  '/secretariat': S,
  '/technician': T,
  '/display': 'public',
  '/terminal': 'own-credential',
};

let f: AppFixture;
let port: number;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ f, port, close } = await spellingApp());
});
afterAll(async () => {
  await close();
});

describe('socket namespaces: decided from the namespace socket.io matched, deny by default', () => {
  let local = 0;
  /** Connect to namespace `nsp` exactly as spelled; resolves 'connected' or the refusal. */
  function tryConnect(nsp: string, auth: Record<string, string>): Promise<string> {
    const manager = new Manager(`http://127.0.0.1:${port}`, {
      transports: ['websocket'],
      reconnection: false,
      autoConnect: false,
      // each walk step from its own loopback address: the handshake throttle counts per address
      localAddress: `127.1.${Math.floor(local / 200) % 200}.${(local++ % 200) + 2}`,
    } as ConstructorParameters<typeof Manager>[1]);
    const socket = manager.socket(nsp, { auth });
    return new Promise((resolve) => {
      let finished = false;
      const done = (what: string) => {
        if (finished) return;
        finished = true;
        socket.close();
        manager.engine?.close();
        resolve(what);
      };
      // A bound for a server that never answers, generous for a loaded machine.
      const timer = setTimeout(() => done('timeout'), 30_000);
      socket.on('connect', () => {
        clearTimeout(timer);
        done('connected');
      });
      socket.on('connect_error', (e: Error) => {
        clearTimeout(timer);
        done(`refused: ${handshakeRefusalCode(e) ?? e.message}`);
      });
      // a spelling the parser cannot read (no leading '/') makes the server drop the connection
      // (the client also closes the manager just before it reports a refusal: let that win)
      manager.on('close', () => {
        setTimeout(() => {
          clearTimeout(timer);
          done('refused: connection closed');
        }, 100);
      });
      socket.connect();
    });
  }

  it('the hand-written namespace table is what the server holds', () => {
    const held = [...f.app.live.io._nsps.keys()].filter((n) => n !== '/').sort();
    expect(held).toEqual(Object.keys(NAMESPACES).sort());
    expect(Object.fromEntries(f.app.live.namespaces())).toEqual(NAMESPACES);
  });

  it('lets the right role in, on the exact name only', async () => {
    for (const [nsp, access] of Object.entries(NAMESPACES)) {
      if (access === 'own-credential') continue;
      const auth: Record<string, string> =
        access === 'public' ? {} : { token: f.tokens[access as 'chair'] };
      expect(await tryConnect(nsp, auth), nsp).toBe('connected');
    }
    expect(await tryConnect('/chair', { token: f.tokens.operator })).toBe('connected');
    expect(await tryConnect('/secretariat', { token: f.tokens.operator })).toBe('connected');
  });

  it('refuses the wrong role, no token and a bad token on the exact name', async () => {
    for (const [nsp, access] of Object.entries(NAMESPACES)) {
      if (access === 'public') continue;
      const tokens: Record<string, string>[] = [{}, { token: 'not-a-token' }];
      for (const c of CREDENTIALS) {
        if (access === 'own-credential' || !HOLDS[c].includes(access)) {
          tokens.push({ token: f.tokens[c] });
        }
      }
      for (const auth of tokens) {
        expect(await tryConnect(nsp, auth), `${nsp} ${JSON.stringify(auth)}`).toMatch(/^refused/);
      }
    }
  });

  it('refuses a namespace that declares no access, to everyone', async () => {
    const ns = f.app.live.io.of('/undeclared-for-test');
    ns.on('connection', (s) => s.emit('secret', 1));
    try {
      for (const auth of [{}, ...CREDENTIALS.map((c) => ({ token: f.tokens[c] }))]) {
        expect(await tryConnect('/undeclared-for-test', auth), JSON.stringify(auth)).toBe(
          'refused: NO_ROLES_DECLARED',
        );
      }
    } finally {
      f.app.live.io._nsps.delete('/undeclared-for-test');
    }
  });

  it('refuses every other spelling of every namespace, and the default namespace, to anyone', async () => {
    const names = Object.keys(NAMESPACES);
    // ('' is not here: the client sends it as '/'.)
    const odd = new Set<string>(['/', '//', '/%2F']);
    for (const n of names) {
      const bare = n.slice(1);
      for (const s of [
        `/${bare[0]!.toUpperCase()}${bare.slice(1)}`,
        n.toUpperCase(),
        `/${n}`,
        `${n}/`,
        `/%${bare.charCodeAt(0).toString(16)}${bare.slice(1)}`,
        bare,
        `/.${n}`,
        `${n}?x=1`,
        `${n}#`,
        ` ${n}`,
        `${n} `,
        `${n}%00`,
        `${n};jsessionid=x`,
        `/x/..${n}`,
      ]) {
        odd.add(s);
      }
    }
    const auths: Record<string, string>[] = [
      {},
      ...CREDENTIALS.map((c) => ({ token: f.tokens[c] })),
    ];
    // A few connections at a time: hundreds at once make a loaded machine miss the bound.
    const steps = [...odd].flatMap((nsp) => auths.map((auth) => ({ nsp, auth })));
    const results: { nsp: string; auth: Record<string, string>; got: string }[] = [];
    for (let i = 0; i < steps.length; i += 8) {
      const batch = steps.slice(i, i + 8);
      results.push(
        ...(await Promise.all(
          batch.map(async ({ nsp, auth }) => ({ nsp, auth, got: await tryConnect(nsp, auth) })),
        )),
      );
    }
    for (const { nsp, auth, got } of results) {
      expect(got, `${JSON.stringify(nsp)} ${JSON.stringify(auth)}`).toMatch(/^refused/);
    }
  }, 300_000);
});
