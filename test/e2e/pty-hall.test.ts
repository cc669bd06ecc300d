import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ModbusBusSim, PtySimulator, WirelessBaseSim } from '@hall/drivers/sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  freePort,
  startHallServer,
  tempDataDir,
  type HallServer,
  ptyHallEnv,
} from '../support/hall-server';

/**
 * A configured hall (HALL_CONFIG, CONTRACT.md §3) on serial lines: the drivers package's seat
 * simulators sit on the device side of socat pseudo-terminals, the server opens the host side
 * like real adapters (modbus-rtu bus A, wireless-base W). Proves the production wiring: config →
 * createDriver → serial port → key events → press handler → lamps on the seats.
 */
/** At least 32 characters: a configured hall may refuse a shorter operator token. */
const TOKEN = 'pty-operator-token-0123456789abcdef';
let server: HallServer;
let modbus: PtySimulator<ModbusBusSim>;
let wireless: PtySimulator<WirelessBaseSim>;
const dataDir = tempDataDir('hall-pty-');

async function until(cond: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 120_000;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  modbus = await PtySimulator.start(new ModbusBusSim({ addresses: [1, 2, 3, 4, 5, 6], seed: 3 }));
  wireless = await PtySimulator.start(new WirelessBaseSim({ keypads: [1, 2, 3, 4, 5], seed: 4 }));
  server = await startHallServer({
    dataDir,
    port: await freePort(),
    env: ptyHallEnv(dataDir, TOKEN, [
      { id: 'A', driver: 'modbus-rtu', path: modbus.hostPath, addresses: '1-6' },
      { id: 'W', driver: 'wireless-base', path: wireless.hostPath, addresses: '1-5' },
    ]),
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await modbus?.close();
  await wireless?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (route: string, body?: unknown) => api(server, 'POST', route, TOKEN, body);
const unit = (a: number) => modbus.sim.unit(a);
const keypad = (k: number) => wireless.sim.keypads.get(k)!;
const GREEN = 0x80;
const RED = 0x40;

describe('a configured hall on serial lines', () => {
  it('checks in and votes through the real drivers; lamps only after the commit', async () => {
    const passwords = path.join(dataDir, 'initial-passwords.txt');
    expect(statSync(passwords).mode & 0o777).toBe(0o600);
    expect(readFileSync(passwords, 'utf8')).toMatch(
      /^chair \S+\nsecretariat \S+\ntechnician \S+\n$/,
    );
    expect((await post('/api/demo/press', { seat: 'A-1', keys: [1] })).status).toBe(404); // demo only

    const csv = [
      'member_id,name,role,seat',
      ...[1, 2, 3, 4, 5, 6].map((a) => `A${a},委员A${a},member,A-${a}`),
      ...[1, 2, 3, 4].map((k) => `W${k},委员W${k},member,W-${k}`),
      'O1,列席,observer,W-5',
    ].join('\n');
    const roster = await post('/api/roster', { csvBase64: Buffer.from(csv).toString('base64') });
    expect(roster.body).toEqual({ members: 10, observers: 1 });
    expect((await post('/api/sessions', { title: '第十次会议' })).status).toBe(200);
    expect((await post('/api/checkin/open')).status).toBe(200);
    await until(
      () => unit(1).mode === 1 && keypad(1).mode === 'checkin',
      'check-in mode on the seats',
    );

    for (const a of [1, 2, 3, 4]) modbus.sim.press(a, [1]);
    for (const k of [1, 2, 3]) wireless.sim.press(k, [2]);
    await until(async () => {
      const r = await api<{ present: number }>(server, 'GET', '/api/attendance', TOKEN);
      return r.body.present === 7;
    }, '7 members checked in');
    await until(
      () =>
        [1, 2, 3, 4].every((a) => (unit(a).leds & GREEN) !== 0) &&
        [1, 2, 3].every((k) => keypad(k).lamp === 'G'),
      'the check-in lamps',
    );
    expect((await post('/api/checkin/close')).body).toEqual({
      members: 10,
      present: 7,
      quorumMet: true,
    });

    const open = await post('/api/votes', {
      title: '关于全省生态环境保护工作情况的报告',
      profile: 'zizhou',
    });
    expect(open.status).toBe(200);
    await until(() => unit(1).mode === 2 && keypad(1).mode === 'open', 'vote mode on the seats');
    const tag = unit(1).voteTag;
    expect(keypad(1).tag).toBe(tag);
    // Issue 13: no seat shows check-in's "registered" in the vote before it presses (the wired
    // units' LEDS are written with the mode; each keypad gets `$LED,<k>,,-` after `$MODE`).
    const seatsGreen = () => [
      ...[1, 2, 3, 4, 5, 6].filter((a) => (unit(a).leds & GREEN) !== 0).map((a) => `A-${a}`),
      ...[1, 2, 3, 4, 5].filter((k) => keypad(k).lamp === 'G').map((k) => `W-${k}`),
    ];
    await until(() => seatsGreen().length === 0, 'no seat registered when the vote opens');

    modbus.sim.press(1, [1]);
    modbus.sim.press(2, [2]);
    modbus.sim.press(3, [1, 3]); // two keys together: an invalid ballot
    wireless.sim.press(1, [3]);
    wireless.sim.press(2, [1]);
    wireless.sim.press(5, [1]); // the observer
    await until(
      () =>
        [1, 2, 3].every((a) => (unit(a).leds & GREEN) !== 0) &&
        [1, 2].every((k) => keypad(k).lamp === 'G') &&
        keypad(5).lamp === 'R',
      'the lamps of the pressed seats',
    );
    // Only the seats that pressed show a lamp: W-3 checked in but has not pressed in the vote.
    expect(seatsGreen().sort()).toEqual(['A-1', 'A-2', 'A-3', 'W-1', 'W-2']);
    expect(keypad(3).lamp).toBe('-');
    // No key LED is ever lit (the lit key would show the choice).
    for (const a of [1, 2, 3]) expect(unit(a).leds & 0x1f).toBe(0);
    expect(unit(4).leds & (GREEN | RED)).toBe(0);

    const status = await api<{ pressed: number; present: number }>(
      server,
      'GET',
      '/api/votes/latest',
      TOKEN,
    );
    expect(status.body).toMatchObject({ pressed: 5, present: 7 });
    const closed = await post('/api/votes/latest/close');
    expect(closed.body).toMatchObject({
      counts: { satisfied: 2, 'basically-satisfied': 1, unsatisfied: 1 },
      invalid: 1,
      present: 7,
      notVoted: 2,
      outcome: 'basically-satisfied',
    });
    await until(() => unit(1).mode === 3, 'closed mode on the seats');
  }, 400_000);
});
