import { randomInt } from 'node:crypto';
import type { Hall } from '../hall';
import { demoPress } from './demo-press';

/**
 * Demo walk-through only (HALL_DEMO_AUTOPRESS=1): when check-in opens, most seated roster
 * entries press a key; when a vote opens, most member seats press a random choice (now and then
 * two keys together). Presses go through the simulated seats and the real driver protocol.
 */
export function startAutoPress(hall: Hall): () => void {
  let last = '';
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, f: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      f();
    }, ms);
    timers.add(t);
  };
  const press = (seat: string, keys: number[]) =>
    demoPress(hall, { seat, keys }).catch(() => undefined);
  const off = hall.onChange(() => {
    const m = hall.hardware.currentMode;
    const key = `${m.mode}:${m.tag}`;
    if (key === last) return;
    last = key;
    if (m.mode === 'checkin') {
      for (const e of hall.roster.all()) {
        if (e.seat && randomInt(100) < 90) later(300 + randomInt(3000), () => press(e.seat!, [1]));
      }
    } else if (m.mode === 'open') {
      for (const e of hall.roster.members()) {
        if (!e.seat || randomInt(100) >= 88) continue;
        const r = randomInt(100);
        const keys = r < 60 ? [1] : r < 85 ? [2] : r < 97 ? [3] : [1, 3];
        later(500 + randomInt(6000), () => press(e.seat!, keys));
      }
    }
  });
  return () => {
    off();
    for (const t of timers) clearTimeout(t);
  };
}
