import type { AddressInfo } from 'node:net';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll } from 'vitest';
import { appFixture, type AppFixture } from './app-fixture';

/**
 * The whole app listening on a loopback port, for socket tests: call at the top of a test file;
 * `f` and `base` are set before the tests run, and every socket pushed on `sockets` is closed
 * after them.
 */
export function listeningApp(): { f: AppFixture; base: string; sockets: Socket[] } {
  const live = { f: undefined as unknown as AppFixture, base: '', sockets: [] as Socket[] };
  beforeAll(async () => {
    live.f = await appFixture();
    await live.f.app.listen({ port: 0, host: '127.0.0.1' });
    live.base = `http://127.0.0.1:${(live.f.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const s of live.sockets) s.close();
    await live.f.close();
  });
  return live;
}
