// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-utils';
import { ReReportForm } from './ReReportForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function serve(reply: { status: number; body: unknown }) {
  const calls: { url: string; body?: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, body: init?.body ? JSON.parse(init.body as string) : undefined });
      return new Response(JSON.stringify(reply.body), { status: reply.status });
    }),
  );
  return calls;
}

describe('ReReportForm', () => {
  it('puts the re-made report on the agenda with the title given', async () => {
    const calls = serve({ status: 200, body: { itemId: 4, sessionId: 2 } });
    const onScheduled = vi.fn();
    renderIn(<ReReportForm token="t" seq={5} title="执行工作" onScheduled={onScheduled} />);
    const user = userEvent.setup();
    const title = screen.getByLabelText('议程标题');
    expect(title).toHaveProperty('value', '执行工作（重作报告）');
    await user.clear(title);
    await user.type(title, '关于执行工作的整改报告');
    await user.click(screen.getByRole('button', { name: '列入本次会议议程' }));
    expect((await screen.findByTestId('rereport-done')).textContent).toBe(
      '已列入第 2 次会议议程（议题 4）',
    );
    expect(calls).toEqual([
      { url: '/api/records/5/rereport', body: { title: '关于执行工作的整改报告' } },
    ]);
    expect(onScheduled).toHaveBeenCalled();
  });

  it('shows the refusal (same sitting) as the server gives it', async () => {
    const refusal = '重作报告应在以后的会议上进行 / the re-made report belongs to a later sitting';
    serve({ status: 409, body: { code: 'SAME_SESSION', message: refusal } });
    renderIn(<ReReportForm token="t" seq={5} title="执行工作" />);
    await userEvent.setup().click(screen.getByRole('button', { name: '列入本次会议议程' }));
    expect((await screen.findByTestId('rereport-error')).textContent).toBe(refusal);
    expect(screen.queryByTestId('rereport-done')).toBeNull();
  });
});
