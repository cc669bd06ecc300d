// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-utils';
import { ManualAttendanceForm } from './ManualAttendanceForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A fake server: the roster, the manual marks, and the mark POST answering `mark`. */
function serve(mark: { status: number; body: unknown }) {
  const calls: { url: string; body?: unknown }[] = [];
  let marks: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const body = init?.body ? (JSON.parse(init.body as string) as unknown) : undefined;
      calls.push({ url, body });
      const json = (b: unknown, status = 200) => new Response(JSON.stringify(b), { status });
      if (url === '/api/attendance/manual')
        return json({
          attendees: [
            { memberId: 'M001', name: '张三', role: 'member', seat: 'A-1', present: false },
            { memberId: 'M002', name: '李四', role: 'member', seat: null, present: false },
          ],
          marks,
        });
      if (url === '/api/attendance/mark') {
        if (mark.status === 200) {
          marks = [
            {
              memberId: 'M002',
              name: '李四',
              present: true,
              reason: '忘带代表证',
              markedBy: 'secretariat',
              markedAt: '2026-12-02T01:30:00.000Z',
            },
          ];
        }
        return json(mark.body, mark.status);
      }
      return json({}, 404);
    }),
  );
  return calls;
}

describe('ManualAttendanceForm', () => {
  it('needs a member and a reason, asks to confirm, then sends memberId, present and reason', async () => {
    const calls = serve({
      status: 200,
      body: { members: 2, present: 1, quorumMet: false },
    });
    renderIn(<ManualAttendanceForm token="t" />);
    const user = userEvent.setup();
    await screen.findByRole('option', { name: '李四（M002）' });
    const review = screen.getByRole('button', { name: '核对后确认' });
    expect(review).toHaveProperty('disabled', true);
    await user.selectOptions(screen.getByLabelText('人员'), 'M002');
    expect(review).toHaveProperty('disabled', true); // no reason yet
    await user.type(screen.getByLabelText('理由（必填）'), '忘带代表证');
    await user.click(review);
    expect(screen.getByRole('group', { name: '请确认人工标记' }).textContent).toContain(
      '李四（M002）',
    );
    expect(calls.some((c) => c.url === '/api/attendance/mark')).toBe(false);
    await user.click(screen.getByRole('button', { name: '确认标记' }));
    expect((await screen.findByTestId('manual-attendance-message')).textContent).toContain(
      '已人工标记：李四（M002） 出席',
    );
    expect(calls.find((c) => c.url === '/api/attendance/mark')!.body).toEqual({
      memberId: 'M002',
      present: true,
      reason: '忘带代表证',
    });
    expect((await screen.findByTestId('manual-mark-M002')).textContent).toContain('忘带代表证');
  });

  it('sends absent, and shows the server’s refusal as it is', async () => {
    const refusal =
      '测评进行中，不能将人员标记为缺席 / nobody can be marked absent while a vote is open';
    const calls = serve({ status: 409, body: { code: 'VOTE_OPEN', message: refusal } });
    renderIn(<ManualAttendanceForm token="t" />);
    const user = userEvent.setup();
    await screen.findByRole('option', { name: '张三（M001 · A-1）' });
    await user.selectOptions(screen.getByLabelText('人员'), 'M001');
    await user.click(screen.getByLabelText('缺席'));
    await user.type(screen.getByLabelText('理由（必填）'), '请假');
    await user.click(screen.getByRole('button', { name: '核对后确认' }));
    await user.click(screen.getByRole('button', { name: '确认标记' }));
    expect((await screen.findByRole('alert')).textContent).toBe(refusal);
    expect(calls.find((c) => c.url === '/api/attendance/mark')!.body).toEqual({
      memberId: 'M001',
      present: false,
      reason: '请假',
    });
    expect(screen.getByText('尚无人工标记')).toBeTruthy();
  });
});
