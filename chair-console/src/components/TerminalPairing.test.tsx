// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn, serveJson } from '../test-utils';
import { TerminalPairing } from './TerminalPairing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('TerminalPairing: times shown in Beijing time', () => {
  it('shows when a terminal was paired and until when a code is valid, UTC+8', async () => {
    serveJson({
      '/api/terminals': {
        terminals: [
          {
            terminalId: 5,
            seat: 'A-3',
            state: 'confirmed',
            pairedAt: '2026-12-31T16:30:00.000Z', // 2027-01-01 00:30 in Beijing
            confirmedAt: '2026-12-31T16:31:00.000Z',
            revokedAt: null,
            endReason: null,
          },
        ],
      },
      '/api/terminals/pairings': {
        code: '123456',
        seat: 'A-1',
        expiresAt: '2026-12-31T16:40:00.000Z', // 00:40 in Beijing
      },
    });
    renderIn(<TerminalPairing token="tok" seats={['A-1']} />);
    expect((await screen.findByTestId('terminal-5')).textContent).toContain('2027-01-01 00:30');
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox'), 'A-1');
    await user.click(screen.getByRole('button', { name: /配对码|pairing/i }));
    const code = await screen.findByTestId('pairing-code');
    expect(code.textContent).toContain('123456');
    expect(code.textContent).toContain('00:40');
  });
});
