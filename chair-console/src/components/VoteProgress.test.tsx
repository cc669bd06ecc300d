// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderIn } from '../test-utils';
import { NOT_PRESSED_SHOWN, VoteProgress } from './VoteProgress';

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

  it('lists the seats that have not pressed, in the order given, with names from the seat map', () => {
    const seats = [
      { seat: 'A-2', name: '张三', role: 'member' as const, online: true, checkedIn: true },
      { seat: 'A-10', name: '李四', role: 'member' as const, online: true, checkedIn: false },
    ];
    const { rerender } = renderIn(
      <VoteProgress vote={{ ...open, notPressed: ['A-2', 'A-10', 'W-1'] }} seats={seats} />,
    );
    const list = screen.getByTestId('not-pressed');
    expect(screen.getByTestId('not-pressed-count').textContent).toBe('3');
    const items = [...list.querySelectorAll('li')];
    expect(items.map((li) => li.dataset.seat)).toEqual(['A-2', 'A-10', 'W-1']);
    expect(items[0]!.textContent).toBe('A-2 张三');
    expect(items[1]!.textContent).toBe('A-10 李四（未签到）');
    expect(items[2]!.textContent).toBe('W-1');
    // A press later: the list shrinks.
    rerender(
      <VoteProgress vote={{ ...open, pressed: 13, notPressed: ['A-10', 'W-1'] }} seats={seats} />,
    );
    expect(screen.getByTestId('not-pressed-count').textContent).toBe('2');
    expect(screen.queryByText('张三', { exact: false })).toBeNull();
    rerender(<VoteProgress vote={{ ...open, pressed: 15, notPressed: [] }} seats={seats} />);
    expect(screen.getByText('全部席位均已按键')).toBeTruthy();
  });

  it('shows no list without `notPressed` (the display) or once the vote is closed', () => {
    renderIn(<VoteProgress vote={open} />);
    expect(screen.queryByTestId('not-pressed')).toBeNull();
    cleanup();
    renderIn(<VoteProgress vote={{ ...open, state: 'closed', notPressed: ['A-1'] }} />);
    expect(screen.queryByTestId('not-pressed')).toBeNull();
  });

  it('lists at most NOT_PRESSED_SHOWN seats of a large hall and counts the rest', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `A-${i + 1}`);
    renderIn(<VoteProgress vote={{ ...open, present: 3000, notPressed: many }} />);
    expect(screen.getByTestId('not-pressed').querySelectorAll('li')).toHaveLength(
      NOT_PRESSED_SHOWN,
    );
    expect(screen.getByText(`另有 ${3000 - NOT_PRESSED_SHOWN} 个席位未列出`)).toBeTruthy();
  });
});

describe('VoteProgress of issue 14', () => {
  const base = {
    voteId: 3,
    title: '关于全省生态环境保护工作情况的报告',
    present: 40,
    pressed: 12,
    openedAt: '2026-12-02T01:10:00.000Z',
    closesAt: null,
  };
  it('a paper vote shows no keypad count: it is counted by hand', () => {
    renderIn(<VoteProgress vote={{ ...base, state: 'open', method: 'paper' }} />);
    expect(screen.getByTestId('pressed').textContent).toBe(
      '人工计票：不使用表决器，票数由工作人员录入',
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
  it('an abandoned vote says so, with no count', () => {
    renderIn(<VoteProgress vote={{ ...base, state: 'abandoned', method: 'keypads' }} />);
    expect(screen.getByTestId('vote-state').textContent).toBe('已放弃');
    expect(screen.getByTestId('pressed').textContent).toBe('本项测评已放弃，未计票');
  });
});
