// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WordsProvider } from '../strings';
import { PairScreen } from './PairScreen';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function reply(status: number, body: unknown) {
  return vi.fn(
    async () =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
  );
}

describe('pairing', () => {
  it('sends the six-digit code and hands over the credential', async () => {
    const fetch = reply(200, { seat: 'A-7', credential: 'c'.repeat(43) });
    vi.stubGlobal('fetch', fetch);
    const onPaired = vi.fn();
    render(
      <WordsProvider>
        <PairScreen onPaired={onPaired} notice={null} />
      </WordsProvider>,
    );
    const user = userEvent.setup();
    const pair = screen.getByRole('button', { name: '配对' }) as HTMLButtonElement;
    await user.type(screen.getByLabelText('配对码'), '12a34');
    expect(pair.disabled).toBe(true);
    await user.type(screen.getByLabelText('配对码'), '56');
    await user.click(pair);
    expect(
      JSON.parse((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body as string),
    ).toEqual({ code: '123456' });
    expect(onPaired).toHaveBeenCalledWith({ seat: 'A-7', credential: 'c'.repeat(43) });
  });

  it('shows the server’s refusal and a revoked notice', async () => {
    vi.stubGlobal('fetch', reply(404, { code: 'BAD_PAIRING_CODE', message: '配对码无效或已过期' }));
    render(
      <WordsProvider>
        <PairScreen onPaired={vi.fn()} notice="本终端的配对已被撤销，请重新配对" />
      </WordsProvider>,
    );
    expect(screen.getAllByRole('alert')[0]!.textContent).toContain('撤销');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('配对码'), '000000');
    await user.click(screen.getByRole('button', { name: '配对' }));
    expect((await screen.findByText('配对码无效或已过期')).textContent).toBeTruthy();
  });
});
