import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';

// Issue 15 (API fuzzing, test/fault/api-fuzz.test.ts): the router's own refusals — made before
// any route runs — came back with fastify's `FST_ERR_…` codes, not the typed refusal of
// server/src/errors.ts. They now go through `frameworkRefusal` (server/src/plugins/external.ts).

let f: AppFixture;
beforeAll(async () => {
  f = await appFixture();
});
afterAll(async () => {
  await f.close();
});

describe("the router's refusals are typed like every other refusal", () => {
  it.each([
    ['a URL it cannot decode', '/api/votes/%ZZ/result', 400],
    ['a path parameter beyond its length bound', `/api/records/${'9'.repeat(5000)}`, 414],
    ['an undecodable parameter of a mutating route', '/api/terminals/%E0%A4%A/revoke', 400],
  ])('%s', async (_what, url, status) => {
    const res = await f.app.inject({
      method: url.endsWith('revoke') ? 'POST' : 'GET',
      url,
      headers: f.auth('operator'),
    });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ statusCode: status, code: 'BAD_REQUEST' });
    expect((res.json() as { message: string }).message).toMatch(/^\p{Script=Han}.* \/ \S/u);
  });
});

// Issue 15 (API fuzzing): a JSON body is checked as typed, never converted (plugins/validation.ts);
// a query string is still read from text.
describe('a body with a wrong type is refused, not converted', () => {
  it.each([
    ['null for a number', { seat: 'A-1', keys: [1], tag: null }, 'tag'],
    ['a numeric string for a number', { seat: 'A-1', keys: ['1'] }, 'keys'],
    ['a bare number for a list', { seat: 'A-1', keys: 1 }, 'keys'],
    ['a number for a string', { seat: 101, keys: [1] }, 'seat'],
  ])('%s', async (_what, payload, field) => {
    const before = await f.app.inject({
      method: 'GET',
      url: '/api/votes/latest',
      headers: f.auth('operator'),
    });
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/demo/press',
      headers: f.auth('technician'),
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, code: 'INVALID_REQUEST' });
    expect((res.json() as { message: string }).message).toContain(field);
    const after = await f.app.inject({
      method: 'GET',
      url: '/api/votes/latest',
      headers: f.auth('operator'),
    });
    expect(after.body).toBe(before.body);
  });

  it('a query string is still read from text', async () => {
    const res = await f.app.inject({
      method: 'GET',
      url: '/api/history?year=abc',
      headers: f.auth('operator'),
    });
    expect(res.statusCode).toBe(400);
    const ok = await f.app.inject({
      method: 'GET',
      url: '/api/history?year=2026',
      headers: f.auth('operator'),
    });
    expect(ok.statusCode).toBe(200);
  });
});
