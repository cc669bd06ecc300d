// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrganHistory } from '@hall/shared';
import { historyEntry, renderIn } from '../test-utils';
import { HistoryShareChart, HistoryTable, sittingsOf } from './HistoryOverview';

afterEach(cleanup);

/** Two organs over three sittings; the government's 2026 result was corrected (record 5 → 6). */
const organs: OrganHistory[] = [
  {
    organ: '省人民政府',
    outcomes: { satisfied: 1, unsatisfied: 1 },
    entries: [
      historyEntry({ seq: 1 }),
      historyEntry({
        seq: 6,
        year: 2026,
        sessionId: 3,
        outcome: 'unsatisfied',
        outcomeLabel: '不满意',
        passed: false,
        satisfiedShare: '20.00%',
        announcedAt: '2026-03-01T02:00:00.000Z',
        correctsSeq: 5,
      }),
    ],
  },
  {
    organ: '省高级人民法院',
    outcomes: { 'basically-satisfied': 1, satisfied: 1 },
    entries: [
      historyEntry({
        seq: 2,
        sessionId: 2,
        outcome: 'basically-satisfied',
        outcomeLabel: '基本满意',
        satisfiedShare: '45.10%',
        // 2025-09-30 17:00 UTC is already 1 October in Beijing.
        announcedAt: '2025-09-30T17:00:00.000Z',
      }),
      historyEntry({
        seq: 4,
        year: 2026,
        sessionId: 3,
        satisfiedShare: '66.67%',
        announcedAt: '2026-03-01T01:00:00.000Z',
      }),
    ],
  },
];

describe('HistoryTable', () => {
  it('has a row per organ and a column per sitting in time order, cells with outcome and share', () => {
    expect(sittingsOf(organs).map((s) => s.sessionId)).toEqual([1, 2, 3]);
    renderIn(<HistoryTable organs={organs} />);
    const table = screen.getByRole('table', { name: '各报告机关历次测评' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      '报告机关',
      '会议 12025-06-01',
      '会议 22025-10-01',
      '会议 32026-03-01',
    ]);
    const row = (organ: string) =>
      within(screen.getByTestId(`history-row-${organ}`))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(row('省人民政府')).toEqual(['满意 72.73%', '', '不满意 20.00%（已更正）']);
    expect(row('省高级人民法院')).toEqual(['', '基本满意 45.10%', '满意 66.67%']);
  });

  it('speaks English when asked', () => {
    renderIn(<HistoryTable organs={organs} />, 'en');
    expect(screen.getByRole('table', { name: 'Evaluations by organ and sitting' })).toBeTruthy();
    expect(screen.getByText('(corrected)', { exact: false })).toBeTruthy();
  });
});

describe('HistoryShareChart', () => {
  it('draws a line per organ with a legend and lists every figure in its accessible name', () => {
    renderIn(<HistoryShareChart organs={organs} />);
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toBe(
      '满意率走势（满意率（占有效票））：' +
        '省人民政府 会议 1 满意 72.73%，会议 3 不满意 20.00%；' +
        '省高级人民法院 会议 2 基本满意 45.10%，会议 3 满意 66.67%',
    );
    // Axis labels: the share from 0 to 100 % and the sittings with their dates.
    const texts = [...chart.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['0%', '50%', '100%', '会议 32026-03-01']));
    // Legend: one entry per organ, in the same colour as its line.
    for (const organ of ['省人民政府', '省高级人民法院']) {
      const legend = screen.getByTestId(`legend-${organ}`);
      expect(legend.textContent).toBe(organ);
      const line = screen.getByTestId(`history-line-${organ}`).querySelector('polyline')!;
      expect(legend.querySelector('line')!.getAttribute('stroke')).toBe(
        line.getAttribute('stroke'),
      );
    }
    // Points: x by sitting (first at x = 96, last at 900 - 64), y by share (plot 240 high from
    // y = 24: 100 % at 24, 0 % at 264; 72.73 % at 89.45, 20 % at 216).
    const points = screen
      .getByTestId('history-line-省人民政府')
      .querySelector('polyline')!
      .getAttribute('points');
    expect(points).toBe('96,89.45 836,216');
    const court = screen.getByTestId('history-line-省高级人民法院');
    expect(court.querySelectorAll('circle')).toHaveLength(2);
    expect(court.querySelector('circle title')!.textContent).toBe(
      '省高级人民法院 记录 2：基本满意 45.10%',
    );
  });

  it('leaves out a point without valid ballots but still names it', () => {
    const none: OrganHistory[] = [
      {
        organ: '省人民检察院',
        outcomes: { unsatisfied: 1 },
        entries: [
          historyEntry({ outcome: 'unsatisfied', outcomeLabel: '不满意', satisfiedShare: '—' }),
        ],
      },
    ];
    renderIn(<HistoryShareChart organs={none} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('会议 1 不满意 —');
    expect(screen.getByTestId('history-line-省人民检察院').querySelectorAll('circle')).toHaveLength(
      0,
    );
  });
});
