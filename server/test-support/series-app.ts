import { parseSeatId, type SealedRecord, type SeriesReply } from '@hall/shared';
import { expect } from 'vitest';
import { appFixture, type AppFixture } from './app-fixture';
import type { AutoAdvance } from '../src/series/series-service';

/**
 * Tests only (the series route and scenario tests): the whole app through `inject`, with the
 * calls a sitting of series makes. Presses go through the FakeBus seats, as the hardware's.
 */
export interface SeriesApp {
  f: AppFixture;
  /** POST as `role` (default the operator token); asserts 200 and returns the JSON. */
  post<T = unknown>(url: string, payload?: object, role?: Role): Promise<T>;
  get<T = unknown>(url: string, role?: Role): Promise<T>;
  /** The raw reply of a call (for refusals). */
  call(
    method: 'GET' | 'POST',
    url: string,
    role: Role,
    payload?: object,
  ): Promise<{ statusCode: number; json: () => { code?: string; message?: string } }>;
  /** Seats press `key` (each once), then the presses are committed. */
  press(seats: readonly string[], key: number): void;
  /** Every auto-advance of the hall's series from now on, in order. */
  advances: AutoAdvance[];
  /** Resolves with the next auto-advance (generous bound: a test's own timeout). */
  nextAdvance(): Promise<AutoAdvance>;
  record(voteId: number): Promise<SealedRecord>;
  series(seriesId: number): Promise<SeriesReply>;
  close(): Promise<void>;
}

type Role = 'chair' | 'secretariat' | 'technician' | 'operator';

export async function seriesApp(): Promise<SeriesApp> {
  const f = await appFixture();
  const advances: AutoAdvance[] = [];
  let waiting: ((a: AutoAdvance) => void)[] = [];
  let seen = 0;
  f.app.hall.series.onAutoAdvance((a) => {
    advances.push(a);
    const w = waiting;
    waiting = [];
    for (const l of w) l(a);
  });
  const call: SeriesApp['call'] = async (method, url, role, payload) => {
    const r = await f.app.inject({
      method,
      url,
      headers: f.auth(role),
      ...(payload ? { payload } : {}),
    });
    return { statusCode: r.statusCode, json: () => r.json() as { code?: string } };
  };
  const ok = async <T>(method: 'GET' | 'POST', url: string, role: Role, payload?: object) => {
    const r = await f.app.inject({
      method,
      url,
      headers: f.auth(role),
      ...(payload ? { payload } : {}),
    });
    expect(r.statusCode, `${method} ${url} ${r.body}`).toBe(200);
    return r.json() as T;
  };
  const app: SeriesApp = {
    f,
    post: (url, payload, role = 'operator') => ok('POST', url, role, payload),
    get: (url, role = 'operator') => ok('GET', url, role),
    call,
    press(seats, key) {
      for (const seat of seats) {
        const { bus, address } = parseSeatId(seat);
        f.buses[bus as 'A' | 'W'].press(address, [key]);
      }
      f.app.hall.presses.flush();
    },
    advances,
    nextAdvance() {
      if (seen < advances.length) return Promise.resolve(advances[seen++]!);
      return new Promise((resolve) => {
        waiting.push((a) => {
          seen++;
          resolve(a);
        });
      });
    },
    record: (voteId) => ok<SealedRecord>('GET', `/api/votes/${voteId}/record`, 'chair'),
    series: (seriesId) => ok<SeriesReply>('GET', `/api/series/${seriesId}`, 'chair'),
    close: () => f.close(),
  };
  return app;
}
