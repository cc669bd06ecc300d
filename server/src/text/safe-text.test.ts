import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';

let f: AppFixture;
beforeAll(async () => {
  f = await appFixture();
});
afterAll(async () => {
  await f.close();
});

/** A JSON body with `\uXXXX` escapes kept as escapes (a lone surrogate survives the wire). */
const raw = (json: string) => ({
  headers: { ...f.auth('operator'), 'content-type': 'application/json' },
  payload: json,
});

describe('text that reaches people: control characters, bidi overrides, lone surrogates', () => {
  it('refuses a sitting title with NUL or a right-to-left override, and starts no sitting', async () => {
    const before = f.app.hall.sessions.currentId();
    for (const esc of ['\\u0000', '\\u202e', '\\u2066', '\\ud800', '\\u0085']) {
      const res = await f.app.inject({
        method: 'POST',
        url: '/api/sessions',
        ...raw(`{"title":"第十次会议${esc}意满不"}`),
      });
      expect(res.statusCode, esc).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'UNSAFE_TEXT',
        message: expect.stringMatching(/^会议名称第 6 个字符是不允许的.+ \/ the sitting title/),
      });
    }
    expect(f.app.hall.sessions.currentId()).toBe(before);
  });

  it('refuses an agenda organ with a bidi isolate and a vote title with a lone surrogate', async () => {
    const start = await f.app.inject({
      method: 'POST',
      url: '/api/sessions',
      ...raw('{"title":"第十四届常委会第十次会议"}'),
    });
    expect(start.statusCode).toBe(200);
    const item = await f.app.inject({
      method: 'POST',
      url: '/api/sessions/current/items',
      ...raw('{"title":"关于环保工作的报告","organ":"省人民政府\\u2067"}'),
    });
    expect(item.statusCode).toBe(422);
    expect(item.json()).toMatchObject({
      code: 'UNSAFE_TEXT',
      message: expect.stringContaining('U+2067'),
    });
    expect(f.app.hall.sessions.current()?.items).toEqual([]);
    const vote = await f.app.inject({
      method: 'POST',
      url: '/api/votes',
      ...raw('{"title":"报告\\udfff","profile":"anhui-2013"}'),
    });
    expect(vote.statusCode).toBe(422);
    expect(vote.json()).toMatchObject({
      code: 'UNSAFE_TEXT',
      message: expect.stringContaining('U+DFFF'),
    });
    expect(f.app.hall.votes.latestId()).toBeNull();
  });

  it('refuses a roster whose name hides a right-to-left override, naming the line; the roster stays', async () => {
    const before = f.app.hall.roster.all().length;
    const csv = 'member_id,name,role,seat\nM001,张三,member,A-1\nM002,李\u202e四,member,A-2\n';
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/roster',
      headers: f.auth('operator'),
      payload: { csvBase64: Buffer.from(csv).toString('base64') },
    });
    expect(res.statusCode).toBe(422);
    expect((res.json() as { message: string }).message).toMatch(/第 3 行.*U\+202E.* line 3/);
    expect(f.app.hall.roster.all().length).toBe(before);
  });

  it('accepts ordinary Chinese text with full-width punctuation', async () => {
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/sessions/current/items',
      ...raw('{"title":"关于《水污染防治法》执行情况的报告（2026年）","organ":"省人民政府"}'),
    });
    expect(res.statusCode).toBe(200);
  });
});
