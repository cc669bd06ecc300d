// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FollowUpItem } from '@hall/shared';
import { historyEntry, renderIn, serveJson } from '../test-utils';
import { FollowUpPage } from './FollowUpPage';
import { HistoryPage } from './HistoryPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const item = (over: Partial<FollowUpItem>): FollowUpItem => ({
  id: '1:re-report',
  seq: 1,
  hash: 'a'.repeat(64),
  title: '关于食品安全工作情况的报告',
  organ: '省人民政府',
  action: 're-report',
  label: { zh: '下次常委会会议上重作报告', en: 'Report again' },
  cite: '第十七条',
  due: { kind: 'next-session' },
  dueDate: null,
  state: 'open',
  reevaluatedBy: null,
  escalation: null,
  correction: null,
  ...over,
});

describe('FollowUpPage', () => {
  it('lists due re-reports, overdue rectification and an escalation, and marks one done', async () => {
    const fetch = serveJson({
      '/api/followups': {
        items: [
          item({}),
          item({
            id: '2:rectify-and-report',
            seq: 2,
            organ: '市中级人民法院',
            due: { kind: 'months', months: 6 },
            dueDate: '2027-02-28T15:59:59.999Z', // 24:00 Beijing time
            state: 'overdue',
          }),
          item({
            id: '3:re-report',
            seq: 3,
            state: 'escalated',
            reevaluatedBy: 5,
            escalation: {
              action: 'supervision-measures',
              label: { zh: '参照监督条例第五十六条处理', en: 'Art. 56' },
              cite: '第十七条第二款',
            },
          }),
        ],
      },
      '/api/followups/1%3Are-report/done': { ok: true },
    });
    renderIn(<FollowUpPage token="t" />);
    const first = within(await screen.findByTestId('followup-1:re-report'));
    expect(first.getByText('下次常委会会议')).toBeTruthy();
    expect(first.getByText('待办')).toBeTruthy();
    const overdue = within(screen.getByTestId('followup-2:rectify-and-report'));
    expect(overdue.getByText('2027-02-28')).toBeTruthy();
    expect(overdue.getByText('已逾期')).toBeTruthy();
    const escalated = within(screen.getByTestId('followup-3:re-report'));
    expect(escalated.getByText('再次未通过，须追究')).toBeTruthy();
    expect(escalated.getByText(/参照监督条例第五十六条处理/)).toBeTruthy();
    expect(escalated.queryByRole('button')).toBeNull();
    await userEvent.setup().click(first.getByRole('button', { name: '标记办结' }));
    expect(fetch.mock.calls.map((c) => c[0])).toContain('/api/followups/1%3Are-report/done');
  });
});

describe('HistoryPage', () => {
  it('shows each organ’s evaluations over time with outcome and 满意 share', async () => {
    serveJson({
      '/api/history': {
        years: [2026, 2025],
        organs: [
          {
            organ: '省人民政府',
            outcomes: { satisfied: 1, unsatisfied: 1 },
            entries: [
              historyEntry({ title: '生态环境报告' }),
              historyEntry({
                seq: 3,
                year: 2026,
                sessionId: 3,
                title: '食品安全报告',
                outcome: 'unsatisfied',
                outcomeLabel: '不满意',
                passed: false,
                present: 50,
                satisfiedShare: '20.00%',
                announcedAt: '2026-03-01T02:00:00.000Z',
              }),
            ],
          },
        ],
      },
    });
    renderIn(<HistoryPage token="t" />);
    const organ = within(await screen.findByTestId('organ-省人民政府'));
    const cells = organ.getAllByRole('listitem');
    expect(cells.map((c) => c.textContent)).toEqual([
      expect.stringContaining('2025 · 记录 1生态环境报告满意满意率（占有效票） 72.73%'),
      expect.stringContaining('2026 · 记录 3食品安全报告不满意满意率（占有效票） 20.00%'),
    ]);
    expect(cells[1]!.className).toContain('bad');
    expect(screen.getByRole('option', { name: '2025' })).toBeTruthy();
  });
});
