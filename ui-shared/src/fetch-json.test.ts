import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, fetchJson, UNREACHABLE } from './fetch-json';

afterEach(() => {
  vi.unstubAllGlobals();
});

const serve = (status: number, body: unknown) => {
  const fetch = vi.fn(
    async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
};

describe('fetchJson', () => {
  it('sends JSON with the bearer token and parses the reply', async () => {
    const fetch = serve(200, { voteId: 3 });
    await expect(fetchJson('/api/votes', { token: 't', body: { title: 'x' } })).resolves.toEqual({
      voteId: 3,
    });
    const init = fetch.mock.calls[0]![1]!;
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/json', authorization: 'Bearer t' });
    expect(init.body).toBe('{"title":"x"}');
  });

  it('turns an error body into an ApiError with its code and message', async () => {
    serve(409, { statusCode: 409, error: 'Conflict', code: 'VOTE_OPEN', message: '已有 / open' });
    const err = await fetchJson('/api/votes', { body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, code: 'VOTE_OPEN', message: '已有 / open' });
  });

  it('gives up after the timeout as unreachable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init?: RequestInit) =>
          new Promise((_resolve, reject) =>
            init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
          ),
      ),
    );
    await expect(fetchJson('/api/health', { timeoutMs: 10 })).rejects.toMatchObject({
      status: 0,
      message: UNREACHABLE,
    });
  });
});
