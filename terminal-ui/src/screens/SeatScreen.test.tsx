// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { THREE_LEVEL, type TerminalPressReply, type TerminalState } from '@hall/shared';
import { WordsProvider } from '../strings';
import { SeatScreen } from './SeatScreen';

afterEach(cleanup);

const base: TerminalState = {
  seat: 'A-12',
  pairing: 'confirmed',
  occupant: '张三',
  mayVote: true,
  mode: 'idle',
  checkedIn: false,
  vote: null,
  result: null,
};
const vote = {
  voteId: 5,
  title: '省人民政府关于食品安全工作情况的报告',
  state: 'open' as const,
  method: 'keypads' as const,
  options: THREE_LEVEL.options,
  registered: false,
};

function show(
  state: TerminalState,
  onPress = vi.fn(async (): Promise<TerminalPressReply> => ({ lamp: 'registered', reason: null })),
) {
  render(
    <WordsProvider>
      <SeatScreen state={state} onPress={onPress} />
    </WordsProvider>,
  );
  return onPress;
}

describe('seat terminal states', () => {
  it('idle: waits for the sitting', () => {
    show(base);
    expect(screen.getByTestId('idle').textContent).toBe('请等待会议开始');
  });

  it('check-in: one press checks in; once checked in it says so', async () => {
    const onPress = show({ ...base, mode: 'checkin' });
    await userEvent.setup().click(screen.getByRole('button', { name: '签到' }));
    expect(onPress).toHaveBeenCalledWith([1]);
    cleanup();
    show({ ...base, mode: 'checkin', checkedIn: true });
    expect(screen.getByTestId('checked-in').textContent).toBe('已签到');
  });

  it('vote open: choose, confirm, and "registered" only after the server confirms', async () => {
    let confirm!: (r: TerminalPressReply) => void;
    const onPress = vi.fn(() => new Promise<TerminalPressReply>((resolve) => (confirm = resolve)));
    show({ ...base, mode: 'open', vote }, onPress);
    const user = userEvent.setup();
    expect(screen.getByText(vote.title)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '基本满意' }));
    expect(screen.getByTestId('chosen').textContent).toBe('基本满意');
    expect(onPress).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: '确认提交' }));
    expect(onPress).toHaveBeenCalledWith([2]);
    expect(screen.queryByTestId('registered')).toBeNull();
    confirm({ lamp: 'registered', reason: null });
    expect((await screen.findByTestId('registered')).textContent).toBe('已登记');
    expect(document.body.textContent).not.toContain('基本满意'); // the choice is not left on screen
  });

  it('vote open: going back lets the member choose again, by keyboard', async () => {
    const onPress = show({ ...base, mode: 'open', vote });
    const user = userEvent.setup();
    screen.getByRole('button', { name: '满意' }).focus();
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: '返回重选' }));
    await user.click(screen.getByRole('button', { name: '不满意' }));
    await user.click(screen.getByRole('button', { name: '确认提交' }));
    expect(onPress).toHaveBeenCalledWith([3]);
  });

  it('a refused press is explained on screen', async () => {
    show(
      { ...base, mode: 'open', vote },
      vi.fn(async (): Promise<TerminalPressReply> => ({
        lamp: 'not-accepted',
        reason: 'already-registered',
      })),
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '满意' }));
    await user.click(screen.getByRole('button', { name: '确认提交' }));
    expect((await screen.findByTestId('not-accepted')).textContent).toContain(
      '本席位已登记，不能更改',
    );
  });

  it('a seat already registered (e.g. from its keypad) shows registered without options', () => {
    show({ ...base, mode: 'open', vote: { ...vote, registered: true } });
    expect(screen.getByTestId('registered')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '满意' })).toBeNull();
  });

  it('an observer seat cannot vote', () => {
    show({ ...base, mayVote: false, mode: 'open', vote });
    expect(screen.getByText('本席位为列席席位，不参加测评')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '满意' })).toBeNull();
  });

  it('an unassigned seat (no roster entry) is told so, not that it is an observer seat', () => {
    for (const mode of ['open', 'checkin'] as const) {
      show({ ...base, occupant: null, mayVote: false, mode, vote: mode === 'open' ? vote : null });
      expect(screen.getByTestId('not-voting').textContent).toBe(
        '本席位在名册中未安排人员，不参加测评；如有误请联系工作人员',
      );
      expect(document.body.textContent).not.toContain('列席');
      expect(screen.queryByRole('button')).toBeNull();
      cleanup();
    }
    show({ ...base, mayVote: false, mode: 'checkin' });
    expect(screen.getByTestId('not-voting').textContent).toBe('本席位为列席席位，不参加测评');
  });

  it('options: in the profile’s order, all alike; the pressed one marked until changed', async () => {
    const five = ['非常满意', '满意', '基本满意', '不太满意', '不满意'].map((zh, i) => ({
      key: `k${i}`,
      label: { zh, en: zh },
      seatKey: i + 1,
    }));
    const onPress = show({ ...base, mode: 'open', vote: { ...vote, options: five } });
    const group = screen.getByRole('group', { name: '请选择一项' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(five.map((o) => o.label.zh));
    expect(new Set(buttons.map((b) => b.className))).toEqual(new Set(['option']));
    expect(group.style.getPropertyValue('--count')).toBe('5');
    const user = userEvent.setup();
    await user.click(buttons[3]!);
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual([
      'false',
      'false',
      'false',
      'true',
      'false',
    ]);
    await user.click(buttons[1]!); // change of mind: press another option directly
    expect(screen.getByTestId('chosen').textContent).toBe('满意');
    await user.click(screen.getByRole('button', { name: '确认提交' }));
    expect(onPress).toHaveBeenCalledWith([2]);
  });

  it('the choice is only on this screen: never stored, and gone when the vote closes', async () => {
    localStorage.clear();
    const onPress = vi.fn(async (): Promise<TerminalPressReply> => ({ lamp: 'off', reason: null }));
    const view = (state: TerminalState) => (
      <WordsProvider>
        <SeatScreen state={state} onPress={onPress} />
      </WordsProvider>
    );
    const { rerender } = render(view({ ...base, mode: 'open', vote }));
    await userEvent.setup().click(screen.getByRole('button', { name: '不满意' }));
    expect(screen.getByTestId('chosen').textContent).toBe('不满意');
    expect(JSON.stringify({ ...localStorage })).not.toContain('unsatisfied');
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('unsatisfied');
    // The chair closes the vote while the member is still at the confirmation step.
    rerender(view({ ...base, mode: 'closed', vote: { ...vote, state: 'closed' } }));
    expect(screen.getByTestId('closed')).toBeTruthy();
    expect(document.body.textContent).not.toContain('不满意');
    // The next vote starts clean, nothing marked.
    rerender(view({ ...base, mode: 'open', vote: { ...vote, voteId: 6 } }));
    expect(screen.queryByTestId('chosen')).toBeNull();
    expect(screen.getByRole('button', { name: '不满意' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    expect(onPress).not.toHaveBeenCalled();
  });

  it.each([
    ['paper', '本项测评以纸质票进行，请按工作人员指引投票', 'This evaluation is by paper ballot'],
    ['hands', '本项测评以举手方式表决，请按工作人员指引表决', 'show of hands'],
  ] as const)(
    'a %s vote: says how to vote, offers no option, presses nothing',
    async (method, zh, en) => {
      // The server keeps the seats idle during a paper or hands vote (no keypad mode).
      const onPress = show({ ...base, mode: 'idle', vote: { ...vote, method } });
      expect(screen.getByTestId('hand-counted').textContent).toBe(zh);
      expect(screen.getByText(vote.title)).toBeTruthy();
      // Not one button on the seat screen (even if the options came along), so nothing to press.
      expect(screen.queryAllByRole('button')).toEqual([]);
      expect(screen.queryByRole('group', { name: '请选择一项' })).toBeNull();
      await userEvent.setup().keyboard('{Enter}');
      expect(onPress).not.toHaveBeenCalled();
      cleanup();
      render(
        <WordsProvider lang="en">
          <SeatScreen
            state={{ ...base, mode: 'idle', vote: { ...vote, method } }}
            onPress={onPress}
          />
        </WordsProvider>,
      );
      expect(screen.getByTestId('hand-counted').textContent).toContain(en);
    },
  );

  it('a paper vote at an observer seat still says the seat does not vote', () => {
    show({ ...base, mayVote: false, mode: 'idle', vote: { ...vote, method: 'paper' } });
    expect(screen.getByTestId('not-voting').textContent).toBe('本席位为列席席位，不参加测评');
  });

  it('an abandoned vote says so, with no option and no result', () => {
    show({
      ...base,
      mode: 'idle',
      vote: { ...vote, state: 'abandoned', options: [] },
      result: null,
    });
    expect(screen.getByTestId('abandoned').textContent).toBe('本项测评已放弃');
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.queryByTestId('outcome')).toBeNull();
  });

  it('two and four options (a profile of the secretariat’s own): in order, all alike', () => {
    const sets = {
      2: [
        { key: 'agree', label: { zh: '同意', en: 'Agree' }, seatKey: 1 },
        { key: 'disagree', label: { zh: '不同意', en: 'Disagree' }, seatKey: 3 },
      ],
      4: ['优秀', '合格', '基本合格', '不合格'].map((zh, i) => ({
        key: `k${i}`,
        label: { zh, en: zh },
        seatKey: i + 1,
      })),
    };
    for (const [n, options] of Object.entries(sets)) {
      show({ ...base, mode: 'open', vote: { ...vote, options } });
      const group = screen.getByRole('group', { name: '请选择一项' });
      const buttons = within(group).getAllByRole('button');
      expect(buttons.map((b) => b.textContent)).toEqual(options.map((o) => o.label.zh));
      expect(group.style.getPropertyValue('--count')).toBe(n);
      cleanup();
    }
  });

  it('two options press their own seat keys (not their places)', async () => {
    const options = [
      { key: 'agree', label: { zh: '同意', en: 'Agree' }, seatKey: 1 },
      { key: 'disagree', label: { zh: '不同意', en: 'Disagree' }, seatKey: 3 },
    ];
    const onPress = show({ ...base, mode: 'open', vote: { ...vote, options } });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '不同意' }));
    await user.click(screen.getByRole('button', { name: '确认提交' }));
    expect(onPress).toHaveBeenCalledWith([3]);
  });

  it('closed, then the announced result', () => {
    show({ ...base, mode: 'closed', vote: { ...vote, state: 'closed' } });
    expect(screen.getByTestId('closed').textContent).toContain('测评已结束');
    cleanup();
    show({
      ...base,
      mode: 'idle',
      vote: { ...vote, state: 'announced' },
      result: {
        voteId: 5,
        title: vote.title,
        outcome: { zh: '基本满意', en: 'Basically satisfied' },
        members: 60,
        present: 52,
        counts: THREE_LEVEL.options.map((o, i) => ({ label: o.label, value: [20, 21, 9][i]! })),
        invalid: 1,
        notVoted: 1,
      },
    });
    expect(screen.getByTestId('outcome').textContent).toBe('测评结果：基本满意');
    expect(screen.getByRole('row', { name: '基本满意 21' })).toBeTruthy();
  });
});
