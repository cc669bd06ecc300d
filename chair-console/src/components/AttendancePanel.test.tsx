// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderIn } from '../test-utils';
import { AttendancePanel } from './AttendancePanel';
import { ConnectionBanner } from './ConnectionBanner';

afterEach(cleanup);

const attendance = {
  sessionId: 1,
  checkinOpen: true,
  members: 60,
  present: 30,
  observersPresent: 3,
  quorumMet: false,
  quorumRule: { zh: '全体组成人员过半数', en: 'more than half of all members' },
};

describe('AttendancePanel', () => {
  it('shows 应到 / 实到 / 列席 and a red quorum lamp at exactly half', () => {
    renderIn(<AttendancePanel attendance={attendance} />);
    expect(screen.getByTestId('members').textContent).toBe('60');
    expect(screen.getByTestId('present').textContent).toBe('30');
    expect(screen.getByTestId('observers').textContent).toBe('3');
    expect(screen.getByTestId('quorum').className).toContain('not-met');
    expect(screen.getByTestId('quorum').textContent).toContain('未达法定人数');
    expect(screen.getByText('签到进行中')).toBeTruthy();
  });

  it('turns green when the quorum is met', () => {
    renderIn(
      <AttendancePanel
        attendance={{ ...attendance, present: 31, quorumMet: true, checkinOpen: false }}
      />,
    );
    expect(screen.getByTestId('quorum').className).toContain('met');
    expect(screen.queryByText('签到进行中')).toBeNull();
  });
});

describe('ConnectionBanner', () => {
  it('alerts while disconnected and disappears when connected', () => {
    const { rerender } = renderIn(<ConnectionBanner connected={false} />);
    expect(screen.getByRole('alert').textContent).toContain('连接已断开');
    rerender(<ConnectionBanner connected />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
