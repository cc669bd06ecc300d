import { handshakeRefusalCode, LIVE_EVENTS } from '@hall/shared';
import { Manager, type Socket } from 'socket.io-client';
import { expect } from 'vitest';

// The socket half of test/fault/api-fuzz.test.ts (issue 15 "API and socket fuzzing").

/** Generous bounds for a loaded 2-core machine: waits, never timed assertions. */
const BOUND = 30_000;
let local = 0;

/** A client from its own loopback address (the handshake throttle counts per address). */
function client(port: number, nsp: string, auth: unknown): Socket {
  const manager = new Manager(`http://127.0.0.1:${port}`, {
    transports: ['websocket'],
    reconnection: false,
    autoConnect: false,
    localAddress: `127.2.${Math.floor(local / 200) % 200}.${(local++ % 200) + 2}`,
  } as ConstructorParameters<typeof Manager>[1]);
  return manager.socket(nsp, { auth: auth as Record<string, unknown> });
}

/** Connect; resolve 'connected' or the refusal (code, or how the connection ended). */
function attempt(s: Socket): Promise<string> {
  return new Promise((resolve) => {
    const done = (what: string) => {
      clearTimeout(timer);
      resolve(what);
    };
    const timer = setTimeout(() => done('timeout'), BOUND);
    s.once('connect', () => done('connected'));
    s.once('connect_error', (e: Error) => done(`refused: ${handshakeRefusalCode(e) ?? e.message}`));
    s.io.once('close', () => setTimeout(() => done('refused: closed'), 100));
    s.connect();
  });
}

const close = (s: Socket) => {
  s.close();
  s.io.engine?.close();
};

/** Every event a socket gets, with its payload. */
function record(s: Socket): { event: string; payload: unknown }[] {
  const got: { event: string; payload: unknown }[] = [];
  s.onAny((event: string, payload: unknown) => got.push({ event, payload }));
  return got;
}

/** The events a fresh client of `nsp` gets on connect (live-hub.ts `snapshot`). */
async function snapshotOf(port: number, nsp: string, auth: unknown, want: string[]) {
  const s = client(port, nsp, auth);
  const got = record(s);
  expect(await attempt(s), nsp).toBe('connected');
  const deadline = Date.now() + BOUND;
  while (!want.every((e) => got.some((g) => g.event === e)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  close(s);
  return got;
}

/**
 * Ballot secrecy (DOMAIN.md, server/SECRECY.md): no payload holds an object naming both a seat
 * or member and a choice. Returns the path of the first one that does.
 */
export function seatChoiceLink(v: unknown, path = '$'): string | undefined {
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) {
      const hit = seatChoiceLink(x, `${path}[${i}]`);
      if (hit) return hit;
    }
  } else if (v && typeof v === 'object') {
    const keys = Object.keys(v);
    const who = keys.some((k) => /^(seat|seatId|memberId|member)$/i.test(k));
    const what = keys.some((k) => /^(choice|choices|key|keys|option|ballot)$/i.test(k));
    if (who && what) return path;
    for (const [k, x] of Object.entries(v)) {
      const hit = seatChoiceLink(x, `${path}.${k}`);
      if (hit) return hit;
    }
  }
  return undefined;
}

export async function socketFuzz(opts: {
  port: number;
  tokens: { chair: string; secretariat: string; technician: string; operator: string };
  credential: string;
  /** Makes the hall push (a seat drops off its bus): the flooded sockets must still get it. */
  push: () => void;
}): Promise<void> {
  const { port, tokens } = opts;
  // 1. handshakes that must be refused: none, garbage, wrong role, wrong shape
  const garbage: unknown[] = [
    {},
    { token: 'not-a-token' },
    { token: 12345 },
    { token: { $ne: null } },
    { token: ['a', 'b'] },
    { token: 'x'.repeat(100_000) },
    { credential: tokens.chair },
    { token: opts.credential },
  ];
  const wrong: Record<string, string[]> = {
    '/chair': [tokens.secretariat, tokens.technician],
    '/secretariat': [tokens.chair, tokens.technician],
    '/technician': [tokens.chair, tokens.secretariat, tokens.operator],
  };
  for (const nsp of ['/chair', '/secretariat', '/technician', '/terminal', '/', '/nope']) {
    const auths = [...garbage, ...(wrong[nsp] ?? []).map((token) => ({ token }))];
    if (nsp === '/terminal') auths.push({ credential: 'x' }, { credential: tokens.technician });
    for (const auth of auths) {
      expect(
        await attempt(client(port, nsp, auth)),
        `${nsp} ${JSON.stringify(auth).slice(0, 80)}`,
      ).toMatch(/^refused/);
    }
  }

  // 2. connected clients send junk: unknown events, malformed and oversized payloads, a flood
  const display = client(port, '/display', {});
  const displayGot = record(display);
  expect(await attempt(display)).toBe('connected');
  const junkers: Socket[] = [display];
  for (const [nsp, token] of [
    ['/chair', tokens.chair],
    ['/secretariat', tokens.secretariat],
    ['/technician', tokens.technician],
  ] as const) {
    const s = client(port, nsp, { token });
    expect(await attempt(s), nsp).toBe('connected');
    junkers.push(s);
  }
  const big = 'x'.repeat(2_000_000); // beyond socket.io's maxHttpBufferSize (1 MB)
  for (const s of junkers) {
    for (const e of [
      'press',
      'vote',
      'admin',
      '__proto__',
      'constructor',
      'attendance',
      'sitting',
    ]) {
      s.emit(e, { seat: 'A-1', keys: [1] });
      s.emit(e, null, undefined, [1, { a: new Uint8Array([1, 2, 3]) }]);
      s.emit(e, () => undefined); // an ack the server never answers
    }
    for (let i = 0; i < 500; i++) s.emit('flood', i, 'y'.repeat(100));
  }
  // the oversized frame: the server drops that connection (and only that one)
  const heavy = client(port, '/display', {});
  expect(await attempt(heavy)).toBe('connected');
  const dropped = new Promise<string>((r) => heavy.once('disconnect', (why) => r(why)));
  heavy.emit('big', big);
  expect(await dropped).toMatch(/transport close|transport error|ping timeout/);
  close(heavy);

  // 3. the server is up: fresh clients get their pushes (the snapshot on connect)
  const all = [LIVE_EVENTS.attendance, LIVE_EVENTS.vote, LIVE_EVENTS.result, LIVE_EVENTS.hardware];
  const sec = await snapshotOf(port, '/secretariat', { token: tokens.secretariat }, [
    ...all,
    LIVE_EVENTS.sitting,
  ]);
  expect(sec.map((g) => g.event)).toEqual(expect.arrayContaining([...all, LIVE_EVENTS.sitting]));
  const disp = await snapshotOf(port, '/display', {}, all);
  expect(disp.map((g) => g.event)).toEqual(expect.arrayContaining(all));
  expect(display.connected).toBe(true);

  // ... and the sockets that sent the junk still get a live push (live-hub.ts `push`)
  const pushed = junkers.map(
    (s) =>
      new Promise<string>((resolve) => {
        const timer = setTimeout(() => resolve('no push'), BOUND);
        s.once(LIVE_EVENTS.hardware, () => {
          clearTimeout(timer);
          resolve('pushed');
        });
      }),
  );
  opts.push();
  expect(await Promise.all(pushed)).toEqual(junkers.map(() => 'pushed'));

  // 4. the display never got a console-only event; nothing ever linked a seat to a choice
  expect(displayGot.map((g) => g.event)).toEqual(expect.arrayContaining(all));
  for (const got of [displayGot, disp]) {
    expect(got.map((g) => g.event).filter((e) => e === LIVE_EVENTS.sitting)).toEqual([]);
  }
  for (const g of [...displayGot, ...disp, ...sec]) {
    expect(seatChoiceLink(g.payload), g.event).toBeUndefined();
  }
  for (const s of junkers) close(s);
}
