// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-utils';
import { ResultView, type ResultLike } from './ResultView';

afterEach(cleanup);

const result: ResultLike = {
  voteId: 3,
  title: '省人民政府关于生态环境保护工作情况的报告',
  profile: 'anhui-2013',
  outcome: 'basically-satisfied',
  members: 62,
  present: 55,
  valid: 52,
  invalid: 2,
  notVoted: 1,
  counts: { satisfied: 30, 'basically-satisfied': 1, unsatisfied: 21 },
  openedAt: '2026-11-26T09:30:00.000Z',
  closedAt: '2026-11-26T09:31:00.000Z',
  announcedAt: '2026-11-26T09:31:10.000Z',
  explanation: {
    zh: '满意 30 < 全体组成人员 62 的半数 31，不是满意；…',
    en: 'Satisfied 30 < half …',
  },
  followUp: [],
};

const row = (key: string) => within(screen.getByTestId(`count-${key}`));

describe('ResultView', () => {
  it('shows 应到, 实到, every option, 无效, 未按 and the outcome in Chinese', () => {
    renderIn(<ResultView result={result} large />);
    expect(row('members').getByText('应到')).toBeTruthy();
    expect(row('members').getByText('62')).toBeTruthy();
    expect(row('present').getByText('55')).toBeTruthy();
    expect(row('satisfied').getByText('满意')).toBeTruthy();
    expect(row('satisfied').getByText('30')).toBeTruthy();
    expect(row('basically-satisfied').getByText('1')).toBeTruthy();
    expect(row('unsatisfied').getByText('21')).toBeTruthy();
    expect(row('invalid').getByText('2')).toBeTruthy();
    expect(row('notVoted').getByText('1')).toBeTruthy();
    expect(screen.getByTestId('outcome').textContent).toContain('基本满意');
    expect(screen.getByTestId('explanation').textContent).toContain('全体组成人员 62 的半数 31');
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('满意 30');
  });

  it('speaks English when asked', () => {
    renderIn(<ResultView result={{ ...result, outcome: 'unsatisfied' }} />, 'en');
    expect(screen.getByTestId('outcome').textContent).toContain('Unsatisfied');
    expect(row('notVoted').getByText('Did not press')).toBeTruthy();
  });

  it('lists the follow-up the profile requires', () => {
    renderIn(
      <ResultView
        result={{
          ...result,
          outcome: 'unsatisfied',
          followUp: [
            {
              action: 're-report',
              label: { zh: '下次常委会会议上重作报告', en: 'Report again' },
              cite: '第十七条',
            },
          ],
        }}
      />,
    );
    expect(screen.getByRole('list', { name: '后续' }).textContent).toContain(
      '重作报告（第十七条）',
    );
  });

  it('marks a correction with what it replaces, and shows the sealed record and chain head', () => {
    renderIn(
      <ResultView
        result={{
          ...result,
          record: { seq: 4, hash: 'abcdef012345' },
          chainHead: { seq: 5, hash: '0123456789ab' },
          correction: {
            correctsSeq: 3,
            previousOutcome: 'unsatisfied',
            reason: '计票有误',
            proposedBy: 'secretariat',
            confirmedBy: 'chair',
            note: {
              zh: '更正记录：更正第 3 号记录（原结果：不满意），理由：计票有误',
              en: 'Correction: corrects record 3 (was: Unsatisfied), reason: 计票有误',
            },
          },
        }}
        large
      />,
    );
    expect(screen.getByTestId('correction-mark').textContent).toBe(
      '更正记录：更正第 3 号记录（原结果：不满意），理由：计票有误',
    );
    expect(screen.getByTestId('sealed-record').textContent).toBe('签名记录 4 · 哈希 abcdef012345');
    expect(screen.getByTestId('chain-head').textContent).toBe(
      '本会场最新签名记录：5 · 哈希 0123456789ab',
    );
  });

  it('shows no correction mark on an original result', () => {
    renderIn(<ResultView result={result} />);
    expect(screen.queryByTestId('correction-mark')).toBeNull();
  });

  it('leads with the outcome, the 依据 and the 宣读稿 before the figures, and copies the 宣读稿', async () => {
    const announcementText = {
      zh: '本次测评应到62人，实到55人。满意30票，基本满意1票，不满意21票，无效2票，未按键1人。测评结果为：基本满意。',
      en: 'This evaluation: 62 members, 55 present. …',
    };
    const writeText = vi.fn(async () => undefined);
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { container } = renderIn(
      <ResultView result={{ ...result, announcementText }} actions={<button>当场公布</button>} />,
    );
    expect(screen.getByTestId('announcement-text').textContent).toBe(announcementText.zh);
    expect(screen.getByRole('region', { name: '宣读稿' })).toBeTruthy();
    // Reading order: outcome, 依据, 宣读稿, the action, then the table of figures.
    const order = ['outcome', 'explanation', 'announcement-text', 'count-members'].map((id) =>
      container.querySelector(`[data-testid="${id}"]`),
    );
    for (let i = 1; i < order.length; i++) {
      expect(
        order[i - 1]!.compareDocumentPosition(order[i]!) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
    }
    const announce = screen.getByRole('button', { name: '当场公布' });
    expect(
      announce.compareDocumentPosition(screen.getByTestId('count-members')) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '复制宣读稿' }));
    expect(writeText).toHaveBeenCalledWith(announcementText.zh);
    expect((await screen.findByRole('status')).textContent).toBe('已复制');
  });

  it('shows the English beside the Chinese 宣读稿 in English, and no 宣读稿 when there is none', () => {
    const announcementText = { zh: '本次测评应到62人…', en: 'This evaluation: 62 members…' };
    renderIn(<ResultView result={{ ...result, announcementText }} />, 'en');
    expect(screen.getByTestId('announcement-text').textContent).toBe('本次测评应到62人…');
    expect(screen.getByText('This evaluation: 62 members…')).toBeTruthy();
    cleanup();
    renderIn(<ResultView result={result} />);
    expect(screen.queryByTestId('announcement-text')).toBeNull();
  });
});
