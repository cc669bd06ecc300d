// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { seedProfile } from '@hall/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-utils';
import { PendingCorrections } from './PendingCorrections';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const record = {
  seq: 3,
  title: '执行工作报告',
  profile: seedProfile('anhui-2013'),
  members: 60,
  present: 35,
  counts: { satisfied: 0, 'basically-satisfied': 0, unsatisfied: 32 },
  invalid: 0,
  outcome: 'unsatisfied',
};
const proposal = (id: number, state: string) => ({
  id,
  seq: 3,
  title: '执行工作报告',
  input: {
    members: 60,
    present: 35,
    counts: { satisfied: 32, 'basically-satisfied': 0, unsatisfied: 0 },
    invalid: 0,
    reason: '计票录入颠倒',
  },
  previousOutcome: 'unsatisfied',
  outcome: 'satisfied',
  proposedBy: 'secretariat',
  proposedAt: '2026-12-02T01:00:00.000Z',
  state,
});

function serve(action: { status: number; body: unknown }) {
  const calls: { url: string; body?: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, body: init?.body ? JSON.parse(init.body as string) : undefined });
      const json = (b: unknown, status = 200) => new Response(JSON.stringify(b), { status });
      if (url === '/api/corrections')
        return json({ proposals: [proposal(1, 'pending'), proposal(2, 'rejected')] });
      if (url === '/api/records') return json({ records: [record] });
      if (url.startsWith('/api/corrections/')) return json(action.body, action.status);
      return json({}, 404);
    }),
  );
  return calls;
}

describe('PendingCorrections (the chair)', () => {
  it('lists only pending proposals with the figures before and after, and confirms', async () => {
    const calls = serve({ status: 200, body: { seq: 4 } });
    renderIn(<PendingCorrections token="t" />);
    const item = await screen.findByTestId('pending-correction-1');
    expect(screen.queryByTestId('pending-correction-2')).toBeNull();
    expect(item.textContent).toContain('不满意 → 满意');
    expect(item.textContent).toContain('原记录：满意 0，基本满意 0，不满意 32，无效 0');
    expect(item.textContent).toContain('更正后：满意 32，基本满意 0，不满意 0，无效 0');
    expect(item.textContent).toContain('计票录入颠倒');
    await userEvent.setup().click(within(item).getByRole('button', { name: '确认并签名' }));
    expect((await screen.findByTestId('pending-corrections-message')).textContent).toContain('4');
    expect(calls.find((c) => c.url === '/api/corrections/1/confirm')!.body).toEqual({});
  });

  it('rejects with the reason given, and shows a refusal', async () => {
    const calls = serve({ status: 200, body: proposal(1, 'rejected') });
    renderIn(<PendingCorrections token="t" />);
    const item = await screen.findByTestId('pending-correction-1');
    const user = userEvent.setup();
    await user.type(within(item).getByLabelText('驳回理由（可选）'), '数字无依据');
    await user.click(within(item).getByRole('button', { name: '驳回' }));
    await screen.findByTestId('pending-corrections-message');
    expect(calls.find((c) => c.url === '/api/corrections/1/reject')!.body).toEqual({
      reason: '数字无依据',
    });
  });

  it('shows the server’s refusal (the proposer may not confirm)', async () => {
    const refusal = '提议人不能确认自己的更正 / the proposer cannot confirm their own correction';
    serve({ status: 409, body: { code: 'SAME_PERSON', message: refusal } });
    renderIn(<PendingCorrections token="t" />);
    const item = await screen.findByTestId('pending-correction-1');
    await userEvent.setup().click(within(item).getByRole('button', { name: '确认并签名' }));
    expect((await screen.findByRole('alert')).textContent).toBe(refusal);
  });
});
