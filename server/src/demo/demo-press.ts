import { randomUUID } from 'node:crypto';
import type { Lamp } from '@hall/drivers';
import { parseSeatId } from '@hall/shared';
import { notFound, refuse } from '../errors';
import type { Hall } from '../hall';

/**
 * Demo hall (and tests): seat `seat` presses `keys`. Without `deliveryId`/`tag` the simulated
 * seat presses for real (the driver polls or receives it over its protocol); with them, the
 * event is delivered as hardware would deliver it (again): same id, same event.
 */
export async function demoPress(
  hall: Hall,
  p: {
    seat: string;
    keys: number[];
    deliveryId?: string;
    tag?: number;
  },
): Promise<{ lamp: Lamp; deliveryId: string }> {
  if (!hall.config.seats.includes(p.seat)) {
    throw notFound(
      'UNKNOWN_SEAT',
      `席位 ${p.seat} 不属于本会场 / seat ${p.seat} is not a seat of this hall`,
    );
  }
  const { bus, address } = parseSeatId(p.seat);
  const keys = [...new Set(p.keys)].sort((a, b) => a - b);
  const built = hall.buses.find((b) => b.driver.busId === bus);
  const sim = built?.press;
  if (sim && p.deliveryId === undefined && p.tag === undefined) {
    // A member presses once the seat shows the hall's mode: a new vote's tag reaches a seat with
    // its bus's next cycle (SEAT-PROTOCOLS.md), so wait for it, bounded (a loaded machine).
    if (built.shownTag) await seatShows(() => built.shownTag!(address), hall, SHOW_WAIT_MS);
    const settled = hall.hardware.nextSettle(p.seat);
    sim(address, keys);
    return withTimeout(settled, 10_000, p.seat);
  }
  const deliveryId = p.deliveryId ?? `demo:${randomUUID()}`;
  const settled = hall.hardware.nextSettle(`id:${deliveryId}`);
  hall.inject({
    type: 'key',
    bus,
    address,
    seat: p.seat,
    tag: p.tag ?? hall.hardware.currentMode.tag,
    keys,
    deliveryId,
  });
  return withTimeout(settled, 10_000, p.seat);
}

/** How long a simulated press waits for its seat to show the hall's current tag. */
const SHOW_WAIT_MS = 10_000;

/** Resolves once `shown()` is the hall's current tag, or after `ms` (the press then goes as is). */
async function seatShows(shown: () => number, hall: Hall, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (shown() !== hall.hardware.currentMode.tag && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 5));
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, seat: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(
      () =>
        reject(
          refuse(
            'SEAT_SILENT',
            `席位 ${seat}：${ms} 毫秒内未得到处理结果 / seat ${seat}: no decision within ${ms} ms`,
          ),
        ),
      ms,
    );
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
