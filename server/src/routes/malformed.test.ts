import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';

let f: AppFixture;
beforeAll(async () => {
  f = await appFixture();
});
afterAll(async () => {
  await f.close();
});

const ROUTES: { url: string; role: 'operator' | 'technician' }[] = [
  { url: '/api/roster', role: 'operator' },
  { url: '/api/sessions', role: 'operator' },
  { url: '/api/sessions/current/items', role: 'operator' },
  { url: '/api/attendance/mark', role: 'operator' },
  { url: '/api/votes', role: 'operator' },
  { url: '/api/demo/press', role: 'technician' },
  { url: '/api/auth/login', role: 'operator' },
];

describe('malformed requests get a 4xx with a reason, never a 5xx', () => {
  it('fuzzes JSON bodies on the routes that take one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.oneof(
          fc.anything(),
          fc.record(
            {
              title: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
              profile: fc.oneof(fc.string(), fc.constantFrom('anhui-2013', 'zizhou')),
              durationSeconds: fc.oneof(fc.integer(), fc.double(), fc.string()),
              seat: fc.oneof(fc.string(), fc.constantFrom('A-1', 'Z-9', 'A-999')),
              keys: fc.array(fc.integer({ min: -3, max: 9 })),
              csvBase64: fc.oneof(fc.base64String(), fc.string()),
              memberId: fc.string(),
              present: fc.oneof(fc.boolean(), fc.string()),
            },
            { requiredKeys: [] },
          ),
        ),
        async (route, body) => {
          const res = await f.app.inject({
            method: 'POST',
            url: route.url,
            headers: { ...f.auth(route.role), 'content-type': 'application/json' },
            payload: JSON.stringify(body) ?? 'null',
          });
          expect(res.statusCode, `${route.url} ${res.body}`).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect((res.json() as { message: string }).message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300, seed: 20261126 },
    );
  });

  it.each([
    ['broken JSON', '{"title": ', 'application/json'],
    ['an empty JSON body', '', 'application/json'],
    ['text instead of JSON', 'title=x', 'text/plain'],
    ['a string for an object', '"x"', 'application/json'],
  ])('refuses %s', async (_what, payload, type) => {
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { ...f.auth('operator'), 'content-type': type },
      payload,
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect((res.json() as { message: string }).message).toBeTruthy();
  });

  it('says what is wrong with a request that fails the schema, Chinese first, on one line', async () => {
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: f.auth('operator'),
      payload: { organ: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_REQUEST' });
    const { message } = res.json() as { message: string };
    expect(message).toMatch(/^\p{Script=Han}.* \/ [A-Za-z][^\n\r]*$/u);
    expect(message).toContain("'title'");
  });

  it('refuses a bad vote id in the path and an unknown route with 4xx', async () => {
    for (const url of [
      '/api/votes/abc/result',
      '/api/votes/-1/result',
      '/api/votes/99/result',
      '/api/nope',
    ]) {
      const res = await f.app.inject({ url, headers: f.auth('operator') });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });

  it('refuses a roster whose base64 is not a CSV of this hall, naming the line', async () => {
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/roster',
      headers: f.auth('operator'),
      payload: {
        csvBase64: Buffer.from('member_id,name,role,seat\nM1,甲,member,Q-1\n').toString('base64'),
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'ROSTER_INVALID' });
    expect((res.json() as { message: string }).message).toContain('roster line 2:');
  });
});
