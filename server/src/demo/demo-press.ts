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
  const sim = hall.buses.find((b) => b.driver.busId === bus)?.press;
  if (sim && p.deliveryId === undefined && p.tag === undefined) {
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
