// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderIn } from '../test-utils';
import { VoteProgress } from './VoteProgress';

afterEach(cleanup);

const open = {
  voteId: 7,
  title: '省高级人民法院专项工作报告',
  state: 'open' as const,
  present: 48,
  pressed: 12,
  openedAt: '2026-11-26T09:30:00.000Z',
  closesAt: null,
};

describe('VoteProgress', () => {
  it('shows pressed against present with a progress bar, and nothing of the split', () => {
    const { container } = renderIn(<VoteProgress vote={open} />);
    expect(screen.getByTestId('pressed').textContent).toBe('已按键 12 / 48');
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('12');
    expect(bar.getAttribute('aria-valuemax')).toBe('48');
    expect(container.textContent).not.toMatch(/满意|不满意/);
  });

  it('counts the timer down', () => {
    const closesAt = new Date(Date.now() + 95_000).toISOString();
    renderIn(<VoteProgress vote={{ ...open, closesAt }} />);
    expect(screen.getByTestId('timer').textContent).toMatch(/剩余时间 01:3[45]/);
  });

  it('says when nothing is open', () => {
    renderIn(<VoteProgress vote={null} />);
    expect(screen.getByText('等待开始')).toBeTruthy();
  });
});
