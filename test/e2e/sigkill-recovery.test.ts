import { rmSync } from 'node:fs';
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
 * Durability (SEAT-PROTOCOLS.md §3 "Registered is shown only after the press is durably stored",
 * "The same event delivered twice is one press"): the real server process is SIGKILLed at many
 * points during a vote while presses are in flight, restarted on the same data dir, and the
 * hardware delivers again every event it was not told about (same deliveryId) and the last one
 * it holds. At the end the counts must be exactly the presses: none lost, none doubled.
 */
const TOKEN = 'sigkill-operator-token';
const KILLS = 12;
const dataDir = tempDataDir('hall-sigkill-');
let server: HallServer | undefined;

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const seat = (i: number) => (i <= 40 ? `A-${i}` : `W-${i - 40}`);
const KEYS = [[1], [1], [2], [3], [1], [2], [1, 3], [1]];
const PLAN = Array.from({ length: 56 }, (_, n) => ({
  seat: seat(n + 1),
  keys: KEYS[n % KEYS.length]!,
  deliveryId: `A:BEEF:${n + 1}`,
}));
type Press = (typeof PLAN)[number];

function expectedCounts(plan: readonly Press[]) {
  const c = { satisfied: 0, 'basically-satisfied': 0, unsatisfied: 0, invalid: 0 };
  for (const p of plan) {
    if (p.keys.length > 1) c.invalid++;
    else c[(['satisfied', 'basically-satisfied', 'unsatisfied'] as const)[p.keys[0]! - 1]!]++;
  }
  return c;
}

async function start(port: number): Promise<{ s: HallServer; tech: string }> {
  const s = await startHallServer({ dataDir, port, env: { HALL_OPERATOR_TOKEN: TOKEN } });
  return { s, tech: await login(s, 'technician', 'technician-demo') };
}

async function status(s: HallServer) {
  const r = await api<{ state: string; pressed: number; present: number }>(
    s,
    'GET',
    '/api/votes/latest',
    TOKEN,
  );
  return r.body;
}

describe('SIGKILL during a vote', () => {
  it(`loses no acknowledged press and doubles none over ${KILLS} kills`, async () => {
    const port = await freePort();
    let { s, tech } = await start(port);
    server = s;
    expect((await api(s, 'POST', '/api/sessions', TOKEN, { title: '断电恢复' })).status).toBe(200);
    for (let i = 1; i <= 31; i++) {
      const r = await api(s, 'POST', '/api/attendance/mark', TOKEN, {
        memberId: `M${String(i).padStart(3, '0')}`,
        present: true,
      });
      expect(r.status).toBe(200);
    }
    const open = await api<{ voteId: number }>(s, 'POST', '/api/votes', TOKEN, {
      title: '关于全省生态环境保护工作情况的报告',
      profile: 'anhui-2013',
    });
    expect(open.status).toBe(200);

    const acked = new Set<string>();
    const sent: Press[] = [];
    let outstanding: Press[] = [];
    let lastAcked: Press | undefined;
    const deliver = (p: Press, tk: string) =>
      api<{ lamp: string }>(s, 'POST', '/api/demo/press', tk, p).then((r) => {
        if (r.status !== 200) return;
        expect(r.body.lamp).toBe('registered');
        acked.add(p.deliveryId);
        lastAcked = p;
      });

    let next = 0;
    let interrupted = 0;
    for (let k = 0; k < KILLS; k++) {
      const chunk = PLAN.slice(next, next + 4);
      next += chunk.length;
      sent.push(...chunk);
      // The hardware re-delivers what was never acknowledged, and a unit its last event.
      const batch = [...outstanding, ...chunk, ...(lastAcked ? [lastAcked] : [])];
      let done = 0;
      const flights = batch.map((p) =>
        deliver(p, tech)
          .catch(() => undefined)
          .finally(() => done++),
      );
      // Kill at a different point each round: before any answer, after some, after all.
      const killAfter = k % (batch.length + 1);
      const end = Date.now() + 120_000;
      while (done < killAfter && Date.now() < end) await new Promise((r) => setTimeout(r, 2));
      await s.kill();
      await Promise.allSettled(flights);
      outstanding = sent.filter((p) => !acked.has(p.deliveryId));
      if (outstanding.length > 0) interrupted++;

      ({ s, tech } = await start(port));
      server = s;
      const st = await status(s);
      expect(st.state, `after kill ${k + 1}`).toBe('open');
      // No loss: every acknowledged press is there. No phantom: nothing that was not sent.
      expect(st.pressed, `after kill ${k + 1}`).toBeGreaterThanOrEqual(acked.size);
      expect(st.pressed, `after kill ${k + 1}`).toBeLessThanOrEqual(sent.length);
    }

    // The kills did hit presses in flight (else this test would prove nothing).
    expect(interrupted).toBeGreaterThan(0);
    // The rest of the hall presses; the hardware re-delivers every outstanding event, and then
    // every event once more (at-least-once delivery): all must come back "registered".
    sent.push(...PLAN.slice(next));
    for (const p of [...outstanding, ...PLAN.slice(next)]) await deliver(p, tech);
    for (const p of PLAN) await deliver(p, tech);
    expect(acked.size).toBe(PLAN.length);
    // A seat that voted presses another key (a new event): nothing changes.
    const again = await api<{ lamp: string }>(s, 'POST', '/api/demo/press', tech, {
      seat: PLAN[0]!.seat,
      keys: [3],
    });
    expect(again.body.lamp).toBe('registered');

    expect(await status(s)).toMatchObject({ state: 'open', pressed: PLAN.length });
    const closed = await api<{ counts: Record<string, number>; invalid: number; present: number }>(
      s,
      'POST',
      '/api/votes/latest/close',
      TOKEN,
    );
    const want = expectedCounts(PLAN);
    expect(closed.body.counts).toEqual({
      satisfied: want.satisfied,
      'basically-satisfied': want['basically-satisfied'],
      unsatisfied: want.unsatisfied,
    });
    expect(closed.body.invalid).toBe(want.invalid);
    expect(closed.body.present).toBe(PLAN.length);
  }, 600_000);
});
