// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-utils';
import { SecretariatPage } from './SecretariatPage';

vi.mock('../lib/live', () => ({
  useLive: () => ({ connected: true, attendance: null, vote: null, result: null, hardware: null }),
}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A fake server: GETs answer from `gets`, the roster POST answers `roster`. */
function serve(roster: { status: number; body: unknown }) {
  const calls: { url: string; body?: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, body: init?.body as string | undefined });
      if (url === '/api/roster')
        return new Response(JSON.stringify(roster.body), { status: roster.status });
      if (url === '/api/sessions/current')
        return new Response(JSON.stringify({ message: 'none' }), { status: 404 });
      if (url === '/api/records')
        return new Response(JSON.stringify({ records: [] }), { status: 200 });
      return new Response('{}', { status: 404 });
    }),
  );
  return calls;
}

const csv = (text: string) => new File([text], 'roster.csv', { type: 'text/csv' });

describe('SecretariatPage roster import', () => {
  it('sends the file’s bytes and shows how many members and observers were imported', async () => {
    const calls = serve({ status: 200, body: { members: 2, observers: 1 } });
    renderIn(<SecretariatPage token="t" />);
    await userEvent
      .setup()
      .upload(
        screen.getByLabelText('导入名单（CSV）'),
        csv('member_id,name,role,seat\nM001,张三,member,A-1\n'),
      );
    expect((await screen.findByTestId('secretariat-message')).textContent).toBe(
      '名单已导入：应到 2，列席 1',
    );
    const sent = JSON.parse(calls.find((c) => c.url === '/api/roster')!.body!) as {
      csvBase64: string;
    };
    expect(Buffer.from(sent.csvBase64, 'base64').toString('utf8')).toContain(
      'M001,张三,member,A-1',
    );
  });

  it('shows the server’s line-numbered error as it is', async () => {
    serve({
      status: 422,
      body: {
        statusCode: 422,
        message: '第 3 行：席位 Z-9 不属于本会场 / line 3: seat Z-9 is not a seat of this hall',
      },
    });
    renderIn(<SecretariatPage token="t" />);
    await userEvent
      .setup()
      .upload(screen.getByLabelText('导入名单（CSV）'), csv('member_id,name,role,seat\n'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      '第 3 行：席位 Z-9 不属于本会场 / line 3: seat Z-9 is not a seat of this hall',
    );
  });
});
