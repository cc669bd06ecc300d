// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn, serveJson } from '../test-utils';
import { SeatMap } from './SeatMap';
import { TerminalConfirmations } from './TerminalConfirmations';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const terminal = (over: Record<string, unknown>) => ({
  terminalId: 1,
  seat: 'A-1',
  state: 'pending',
  pairedAt: '2026-11-26T01:00:00.000Z',
  confirmedAt: null,
  memberId: 'M001',
  name: '张三',
  role: 'member',
  present: true,
  ...over,
});

describe('TerminalConfirmations (issue 10)', () => {
  it('shows pending terminals with seat, member and presence; confirms only a present member', async () => {
    const fetch = serveJson({
      '/api/terminals/confirmations': {
        terminals: [
          terminal({ terminalId: 7, seat: 'A-40', name: '李四', present: false }),
          terminal({ terminalId: 8, seat: 'A-2', name: '王五' }),
          terminal({ terminalId: 3, seat: 'A-1', state: 'confirmed', confirmedAt: 'x' }),
        ],
      },
      '/api/terminals/8/confirm': { ok: true, seat: 'A-2', replaced: [] },
    });
    const onSeats = vi.fn();
    renderIn(<TerminalConfirmations token="tok" voteOpen={false} onSeats={onSeats} />);
    const absent = await screen.findByTestId('pending-terminal-7');
    expect(absent.textContent).toContain('A-40');
    expect(absent.textContent).toContain('李四');
    expect(absent.textContent).toContain('未签到');
    expect(
      (absent.querySelector('button') as HTMLButtonElement).disabled,
      'no confirming an absent member',
    ).toBe(true);
    const here = screen.getByTestId('pending-terminal-8');
    expect(here.textContent).toContain('已签到');
    await userEvent.setup().click(here.querySelector('button')!);
    await waitFor(() =>
      expect(fetch.mock.calls.map((c) => c[0])).toContain('/api/terminals/8/confirm'),
    );
    expect(screen.getByTestId('terminal-seats').textContent).toContain('A-1');
    expect(onSeats).toHaveBeenCalledWith(['A-1']);
  });

  it('cannot confirm while a vote is open', async () => {
    serveJson({ '/api/terminals/confirmations': { terminals: [terminal({ terminalId: 9 })] } });
    renderIn(<TerminalConfirmations token="tok" voteOpen={true} />);
    const row = await screen.findByTestId('pending-terminal-9');
    expect((row.querySelector('button') as HTMLButtonElement).disabled).toBe(true);
  });

  it('the seat map marks the seats that vote by terminal', () => {
    const seat = (s: string) => ({
      seat: s,
      name: s,
      role: 'member' as const,
      online: true,
      checkedIn: true,
    });
    renderIn(<SeatMap seats={[seat('A-1'), seat('A-2')]} terminalSeats={['A-2']} />);
    expect(screen.getByTestId('seat-terminal-A-2').textContent).toBe('终端');
    expect(screen.queryByTestId('seat-terminal-A-1')).toBeNull();
    expect(screen.getByLabelText(/A-2 .*终端/).className).toContain('terminal');
  });
});
