// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { seedProfile } from '@hall/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-utils';
import { CorrectionForm } from './CorrectionForm';

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
  notVoted: 3,
  outcome: 'unsatisfied',
};

function serve(propose: { status: number; body: unknown }) {
  const calls: { url: string; body?: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const body = init?.body ? (JSON.parse(init.body as string) as unknown) : undefined;
      calls.push({ url, body });
      const json = (b: unknown, status = 200) => new Response(JSON.stringify(b), { status });
      if (url === '/api/records/3') return json(record);
      if (url === '/api/records/3/corrections') return json(propose.body, propose.status);
      return json({}, 404);
    }),
  );
  return calls;
}

describe('CorrectionForm', () => {
  it('sends members and present unchanged, the edited counts and the reason; then 待主持人确认', async () => {
    const calls = serve({
      status: 200,
      body: { id: 7, seq: 3, outcome: 'satisfied', previousOutcome: 'unsatisfied' },
    });
    renderIn(<CorrectionForm token="t" seq={3} />);
    const user = userEvent.setup();
    const members = await screen.findByLabelText('应到');
    expect(members).toHaveProperty('readOnly', true);
    expect(screen.getByLabelText('实到')).toHaveProperty('readOnly', true);
    const submit = screen.getByRole('button', { name: '提交更正提议' });
    expect(submit).toHaveProperty('disabled', true); // no reason yet
    await user.clear(screen.getByLabelText(/^满意/));
    await user.type(screen.getByLabelText(/^满意/), '32');
    await user.clear(screen.getByLabelText(/^不满意/));
    await user.type(screen.getByLabelText(/^不满意/), '0');
    await user.type(screen.getByLabelText('更正理由（必填）'), '计票录入颠倒');
    await user.click(submit);
    expect((await screen.findByTestId('correction-pending')).textContent).toContain('待主持人确认');
    expect(screen.getByTestId('correction-pending').textContent).toContain('更正提议 7 已提交');
    expect(calls.find((c) => c.url === '/api/records/3/corrections')!.body).toEqual({
      members: 60,
      present: 35,
      counts: { satisfied: 32, 'basically-satisfied': 0, unsatisfied: 0 },
      invalid: 0,
      reason: '计票录入颠倒',
    });
    expect(screen.queryByRole('button', { name: '提交更正提议' })).toBeNull();
  });

  it('shows the server’s bounded refusal and keeps the form editable', async () => {
    const refusal =
      '更正后的选票数 36 多于按键席位 32 / the corrected ballots (36) exceed the seats that pressed (32)';
    serve({ status: 422, body: { code: 'CORRECTION_BALLOTS', message: refusal } });
    renderIn(<CorrectionForm token="t" seq={3} />);
    const user = userEvent.setup();
    await screen.findByLabelText('应到');
    await user.clear(screen.getByLabelText(/^满意/));
    await user.type(screen.getByLabelText(/^满意/), '4');
    await user.type(screen.getByLabelText('更正理由（必填）'), '复核');
    await user.click(screen.getByRole('button', { name: '提交更正提议' }));
    expect((await screen.findByTestId('correction-error')).textContent).toBe(refusal);
    expect(screen.queryByTestId('correction-pending')).toBeNull();
    expect(screen.getByRole('button', { name: '提交更正提议' })).toHaveProperty('disabled', false);
  });

  it('does not send a count that is not a whole number', async () => {
    const calls = serve({ status: 200, body: {} });
    renderIn(<CorrectionForm token="t" seq={3} />);
    const user = userEvent.setup();
    await screen.findByLabelText('应到');
    await user.clear(screen.getByLabelText(/^无效/));
    await user.type(screen.getByLabelText(/^无效/), '-1');
    await user.type(screen.getByLabelText('更正理由（必填）'), '复核');
    expect(screen.getByRole('button', { name: '提交更正提议' })).toHaveProperty('disabled', true);
    expect(calls.some((c) => c.url.endsWith('/corrections'))).toBe(false);
  });
});
