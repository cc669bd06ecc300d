import {
  api,
  freePort,
  login,
  startHallServer,
  tempDataDir,
  type HallServer,
} from '../../support/hall-server';
import { type Rig } from './fault-cycle';

/**
 * The in-process path: the demo hall (`npm start`, no HALL_CONFIG) and its technician's
 * POST /api/demo/press, a press with the hardware's delivery id. "Registered" is the 200 answer
 * with lamp `registered`; the hardware's re-delivery after a restart is every unacknowledged event
 * again (same delivery id) and one acknowledged event once more (SEAT-PROTOCOLS.md §3).
 */
export async function inProcessRig(): Promise<Rig> {
  const token = 'fault-inprocess-operator-token-0123456789';
  const dataDir = tempDataDir('hall-fault-inproc-');
  const port = await freePort();
  let server: HallServer | undefined;
  let tech = '';
  let seats: string[] = [];
  let n = 0;
  let sent = new Map<string, { seat: string; keys: readonly number[]; deliveryId: string }>();
  let acked = new Set<string>();
  const deliver = async (p: { seat: string; keys: readonly number[]; deliveryId: string }) => {
    const r = await api<{ lamp?: string }>(server!, 'POST', '/api/demo/press', tech, p).catch(
      () => null,
    );
    if (r?.status === 200 && r.body.lamp === 'registered') acked.add(p.seat);
  };
  const start = async () => {
    server = await startHallServer({ dataDir, port, env: { HALL_OPERATOR_TOKEN: token } });
    tech = await login(server, 'technician', 'technician-demo');
  };
  await start();
  const roster = await api<{ entries: { memberId: string; role: string; seat: string | null }[] }>(
    server!,
    'GET',
    '/api/roster',
    token,
  );
  const members = roster.body.entries.filter((e) => e.role === 'member' && e.seat);
  seats = members.map((e) => e.seat!);
  await api(server!, 'POST', '/api/sessions', token, { title: '断电恢复' });
  for (const m of members) {
    const r = await api(server!, 'POST', '/api/attendance/mark', token, {
      memberId: m.memberId,
      present: true,
    });
    if (r.status !== 200) throw new Error(`attendance mark ${m.memberId}: ${r.status}`);
  }
  return {
    name: 'in-process',
    token,
    seats,
    server: () => server!,
    start,
    kill: () => server!.kill(),
    stop: () => server?.stop() ?? Promise.resolve(),
    voteOpened() {
      sent = new Map();
      acked = new Set();
      return Promise.resolve();
    },
    press(seat, keys) {
      const p = { seat, keys, deliveryId: `F:${dataDir.slice(-6)}:${++n}` };
      sent.set(seat, p);
      void deliver(p);
    },
    acknowledged: () => new Set(acked),
    async redeliver() {
      const again = [...sent.values()].filter((p) => !acked.has(p.seat));
      const dup = [...sent.values()].find((p) => acked.has(p.seat));
      await Promise.all([...again, ...(dup ? [dup] : [])].map(deliver));
      // A seat that voted presses another key (a new event): it changes nothing (§3); the
      // vote's exact counts at close show it.
      if (dup) {
        const other = { seat: dup.seat, keys: [dup.keys.length > 1 ? 2 : (dup.keys[0]! % 3) + 1] };
        await deliver({ ...other, deliveryId: `F:${dataDir.slice(-6)}:${++n}` });
      }
    },
  };
}
