// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-utils';
import { AbandonVote } from './AbandonVote';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function serve(status = 200) {
  const posts: { url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      posts.push({ url, body: JSON.parse(String(init?.body ?? '{}')) });
      return status === 200
        ? new Response(
            JSON.stringify({
              voteId: 5,
              state: 'abandoned',
              reason: '表决器故障',
              abandonedAt: '2026-12-02T01:30:00.000Z',
            }),
          )
        : new Response(JSON.stringify({ message: '没有进行中的测评 / no vote is open' }), {
            status,
          });
    }),
  );
  return posts;
}

describe('AbandonVote (issue 14)', () => {
  it('asks for a reason in a dialog and sends nothing without one', async () => {
    const posts = serve();
    const onAbandoned = vi.fn();
    renderIn(<AbandonVote token="c" onAbandoned={onAbandoned} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '放弃本项测评' }));
    const dialog = within(screen.getByRole('dialog', { name: '放弃本项测评' }));
    const confirm = dialog.getByRole('button', { name: '确认放弃' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await user.type(dialog.getByLabelText('放弃理由（必填）'), '   ');
    expect(confirm.disabled).toBe(true);
    await user.click(dialog.getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(posts).toEqual([]);
    expect(onAbandoned).not.toHaveBeenCalled();
  });

  it('abandons with the reason once confirmed', async () => {
    const posts = serve();
    const onAbandoned = vi.fn();
    renderIn(<AbandonVote token="c" onAbandoned={onAbandoned} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '放弃本项测评' }));
    const dialog = within(screen.getByRole('dialog'));
    await user.type(dialog.getByLabelText('放弃理由（必填）'), ' 表决器故障 ');
    await user.click(dialog.getByRole('button', { name: '确认放弃' }));
    expect(posts).toEqual([{ url: '/api/votes/latest/abandon', body: { reason: '表决器故障' } }]);
    expect(onAbandoned).toHaveBeenCalledWith(5, '表决器故障');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps the dialog open with the server’s reason when refused', async () => {
    serve(409);
    renderIn(<AbandonVote token="c" />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '放弃本项测评' }));
    await user.type(screen.getByLabelText('放弃理由（必填）'), '故障');
    await user.click(screen.getByRole('button', { name: '确认放弃' }));
    expect((await screen.findByTestId('abandon-error')).textContent).toBe(
      '没有进行中的测评 / no vote is open',
    );
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});
