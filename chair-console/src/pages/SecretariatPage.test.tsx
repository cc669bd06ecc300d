// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { seedProfile } from '@hall/shared';
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
        return new Response(JSON.stringify({ code: 'NO_SESSION', message: 'none' }), {
          status: 404,
        });
      if (url === '/api/records')
        return new Response(JSON.stringify({ records: [] }), { status: 200 });
      if (url === '/api/corrections')
        return new Response(JSON.stringify({ proposals: [] }), { status: 200 });
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
        code: 'ROSTER_INVALID',
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

describe('SecretariatPage corrections (issue 10)', () => {
  it('lists pending proposals with the outcome change and sends the confirmation', async () => {
    const profile = seedProfile('anhui-2013')!;
    const record = {
      seq: 1,
      title: '关于食品安全工作情况的报告',
      profile,
      outcome: 'unsatisfied',
      members: 60,
      present: 35,
      counts: { satisfied: 0, 'basically-satisfied': 0, unsatisfied: 32 },
      invalid: 0,
      notVoted: 3,
      corrects: null,
    };
    const correction = {
      ...record,
      seq: 2,
      outcome: 'satisfied',
      corrects: {
        seq: 1,
        hash: 'a'.repeat(64),
        reason: '计票有误',
        proposedBy: 'secretariat',
        confirmedBy: 'chair',
        previousOutcome: { id: 'unsatisfied', label: { zh: '不满意', en: 'Unsatisfied' } },
      },
    };
    const proposal = {
      id: 7,
      seq: 1,
      hash: 'a'.repeat(64),
      voteId: 1,
      title: record.title,
      input: {
        members: 60,
        present: 35,
        counts: { satisfied: 31 },
        invalid: 0,
        reason: '计票有误',
      },
      previousOutcome: 'unsatisfied',
      outcome: 'satisfied',
      proposedBy: 'secretariat',
      proposedAt: '2026-11-26T10:00:00.000Z',
      state: 'pending',
      decidedBy: null,
      decidedAt: null,
      sealedSeq: null,
      rejectReason: null,
    };
    const calls: string[] = [];
    let confirmed = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push(`${init?.method ?? 'GET'} ${url}`);
        if (url === '/api/sessions/current')
          return new Response(JSON.stringify({ code: 'NO_SESSION', message: 'none' }), {
            status: 404,
          });
        if (url === '/api/records')
          return new Response(
            JSON.stringify({ records: confirmed ? [record, correction] : [record] }),
          );
        if (url === '/api/corrections')
          return new Response(JSON.stringify({ proposals: confirmed ? [] : [proposal] }));
        if (url === '/api/corrections/7/confirm') {
          confirmed = true;
          return new Response(JSON.stringify(correction));
        }
        return new Response('{}', { status: 404 });
      }),
    );
    renderIn(<SecretariatPage token="t" />);
    const row = await screen.findByTestId('proposal-7');
    expect(row.textContent).toContain('不满意 → 满意');
    expect(row.textContent).toContain('计票有误');
    await userEvent.setup().click(within(row).getByRole('button', { name: '确认并签名' }));
    expect((await screen.findByTestId('secretariat-message')).textContent).toBe(
      '更正已确认，新记录已签名：记录 2',
    );
    expect(calls).toContain('POST /api/corrections/7/confirm');
    expect((await screen.findByTestId('record-row-2')).textContent).toContain(
      '更正记录：更正第 1 号记录（原结果：不满意），理由：计票有误',
    );
    expect(screen.getByTestId('record-row-1').textContent).toContain('（已更正）');
  });
});
