import { rmSync } from 'node:fs';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import {
  api,
  freePort,
  login,
  startHallServer,
  tempDataDir,
  type HallServer,
} from '../support/hall-server';

/**
 * Issue 12 "Accounts": a console login is stored (as a hash of its token), so it survives a
 * restart of the real server (`npm start`, SIGTERM, `npm start` on the same data directory);
 * and when the secretariat disables a user, that user's token is refused at once and their open
 * socket is closed.
 */
const dataDir = tempDataDir('hall-e2e-sessions-');
let server: HallServer | undefined;

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}-keys`, { recursive: true, force: true });
});

/** A chair-only read: the terminals waiting for the chair's confirmation. */
const chairRead = (s: HallServer, token: string) =>
  api<unknown>(s, 'GET', '/api/terminals/confirmations', token);

describe('login sessions across a restart of the real server', () => {
  it('keeps the chair logged in across a restart, and a disable ends it at once', async () => {
    const port = await freePort();
    server = await startHallServer({ dataDir, port });
    const chair = await login(server, 'chair', 'chair-demo');
    expect((await chairRead(server, chair)).status).toBe(200);

    await server.stop();
    server = undefined;
    server = await startHallServer({ dataDir, port });
    expect((await chairRead(server, chair)).status).toBe(200);

    // the chair's console socket, connected with the same token after the restart
    const socket = connect(`${server.url}/chair`, {
      transports: ['websocket'],
      reconnection: false,
      auth: { token: chair },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const disconnected = new Promise<string>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('no disconnect within 30 s')), 30_000);
        socket.once('disconnect', (reason) => {
          clearTimeout(t);
          resolve(reason);
        });
      });

      const secretariat = await login(server, 'secretariat', 'secretariat-demo');
      const res = await fetch(`${server.url}/api/users/chair`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${secretariat}`, 'content-type': 'application/json' },
        body: JSON.stringify({ disabled: true }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ username: 'chair', disabled: true, sessions: 0 });

      const refused = await chairRead(server, chair);
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ code: 'NO_TOKEN' });
      expect(await disconnected).toBe('io server disconnect');
      // and the chair cannot log in again, refused as a wrong password would be
      await expect(login(server, 'chair', 'chair-demo')).rejects.toThrow(/401/);
    } finally {
      socket.close();
    }
  });
});
