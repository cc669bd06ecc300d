import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parseSeatId } from '@hall/shared';
import { buildApp, startHall } from '../src/app';
import { demoHallConfig, demoRosterCsv } from '../src/config/demo-hall';
import { FakeBus } from './fake-bus';
import { DEMO_PASSWORDS } from '../src/auth/users';
import { range, silentLog } from './hall-fixture';

export const OPERATOR_TOKEN = 'operator-token-for-tests';

export interface AppFixture {
  app: FastifyInstance;
  dir: string;
  buses: { A: FakeBus; W: FakeBus };
  /** Bearer tokens of each console user, and of the operator. */
  tokens: { chair: string; secretariat: string; technician: string; operator: string };
  auth(role: keyof AppFixture['tokens']): { authorization: string };
  close(): Promise<void>;
}

/** The whole app on FakeBus seats in demo mode, in a temp data dir; users logged in. */
export async function appFixture(
  opts: { demo?: boolean; consoleDirs?: { chair: string; terminal: string } } = {},
): Promise<AppFixture> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hall-app-'));
  const config = demoHallConfig();
  const buses = { A: new FakeBus('A', range(1, 40)), W: new FakeBus('W', range(1, 30)) };
  const app = await buildApp({
    config,
    dataDir: dir,
    demo: opts.demo ?? true,
    logger: silentLog,
    operatorToken: OPERATOR_TOKEN,
    ...(opts.consoleDirs ? { consoleDirs: opts.consoleDirs } : {}),
    buses: [
      { driver: buses.A, seats: config.seats.filter((s) => parseSeatId(s).bus === 'A') },
      { driver: buses.W, seats: config.seats.filter((s) => parseSeatId(s).bus === 'W') },
    ],
  });
  app.hall.importRoster(Buffer.from(demoRosterCsv()));
  await startHall(app);
  const login = async (username: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORDS[username] },
    });
    return (res.json() as { token: string }).token;
  };
  const tokens = {
    chair: opts.demo === false ? '' : await login('chair'),
    secretariat: opts.demo === false ? '' : await login('secretariat'),
    technician: opts.demo === false ? '' : await login('technician'),
    operator: OPERATOR_TOKEN,
  };
  return {
    app,
    dir,
    buses,
    tokens,
    auth: (role) => ({ authorization: `Bearer ${tokens[role]}` }),
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}-keys`, { recursive: true, force: true });
    },
  };
}
