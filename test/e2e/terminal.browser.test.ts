import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from '../support/browser';
import { ensureConsolesBuilt } from '../support/consoles';
import { api, login, startDemoHall, type HallServer } from '../support/hall-server';

/**
 * Seat terminals in Debian's Chromium (issue 6): three paired terminals and the simulated keypads
 * vote in one vote; one ballot per seat whichever device presses first; forged and revoked
 * credentials are refused. Issue 10: a paired terminal waits for the chair's confirmation, which
 * the chair gives only for a member who is present (here: checked in on the seat keypad).
 */
const TOKEN = 'terminal-operator-token';
let server: HallServer;
let browser: Browser;
let tech: string;
let chair: string;
let members: string[];
const WAIT = { timeout: 30_000 };

beforeAll(async () => {
  ensureConsolesBuilt();
  ({ server, tech, memberSeats: members } = await startDemoHall(TOKEN, 'hall-terminal-'));
  chair = await login(server, 'chair', 'chair-demo');
  await api(server, 'POST', '/api/sessions', TOKEN, { title: '第二十二次常委会会议' });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

const keypad = async (seat: string, keys: number[]) =>
  (await api<{ lamp: string }>(server, 'POST', '/api/demo/press', tech, { seat, keys })).body.lamp;

/**
 * A terminal in its own browser context (its own stored credential), paired to `seat`: it waits
 * for the chair's confirmation.
 */
async function pairedTerminal(
  seat: string,
): Promise<{ ctx: BrowserContext; page: Page; credential: string; terminalId: number }> {
  const code = await api<{ code: string }>(server, 'POST', '/api/terminals/pairings', tech, {
    seat,
  });
  expect(code.status).toBe(200);
  const ctx = await browser.newContext({ viewport: { width: 800, height: 1280 } });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/terminal/`);
  await page.getByLabel('配对码').fill(code.body.code);
  await page.getByRole('button', { name: '配对' }).click();
  await page.getByTestId('seat').getByText(`席位 ${seat}`, { exact: false }).waitFor(WAIT);
  await page.getByTestId('awaiting-confirmation').waitFor(WAIT);
  const { credential, terminalId } = await page.evaluate(
    () =>
      JSON.parse(localStorage.getItem('hall.terminal')!) as {
        credential: string;
        terminalId: number;
      },
  );
  return { ctx, page, credential, terminalId };
}

/** The chair confirms a pending terminal (chair console's API, the chair's own login). */
async function chairConfirms(terminalId: number) {
  const pending = await api<{ terminals: { terminalId: number; present: boolean }[] }>(
    server,
    'GET',
    '/api/terminals/confirmations',
    chair,
  );
  expect(pending.body.terminals).toContainEqual(
    expect.objectContaining({ terminalId, present: true }),
  );
  const res = await api(server, 'POST', `/api/terminals/${terminalId}/confirm`, chair, {});
  expect(res.status).toBe(200);
}

const terminalPress = (credential: string, keys: number[]) =>
  fetch(`${server.url}/api/terminal/press`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
    body: JSON.stringify({ keys }),
  });

async function choose(page: Page, option: string) {
  await page.getByRole('button', { name: option, exact: true }).click();
  await page.getByRole('button', { name: '确认提交' }).click();
  await page.getByTestId('registered').waitFor(WAIT);
}

describe('seat terminals in Chromium', () => {
  it('vote beside keypads, one ballot a seat, and refuse forged or revoked credentials', async () => {
    const [s1, s2, s3, ...rest] = members;
    const t1 = await pairedTerminal(s1!);
    const t2 = await pairedTerminal(s2!);
    const t3 = await pairedTerminal(s3!);
    // Not yet confirmed: the terminal cannot press (and so cannot check anyone in).
    expect(await (await terminalPress(t1.credential, [1])).json()).toEqual({
      lamp: 'not-accepted',
      reason: 'not-confirmed',
    });

    // Check-in on the keypads (physical evidence: a terminal never makes anyone present);
    // then the chair confirms the three terminals of members now present.
    await api(server, 'POST', '/api/checkin/open', TOKEN, {});
    for (const seat of members) expect(await keypad(seat, [2])).toBe('registered');
    for (const t of [t1, t2, t3]) {
      await chairConfirms(t.terminalId);
      await t.page.getByTestId('checked-in').waitFor(WAIT);
    }
    await api(server, 'POST', '/api/checkin/close', TOKEN, {});
    await t1.page.getByTestId('idle').waitFor(WAIT);

    const opened = await api<{ voteId: number }>(server, 'POST', '/api/votes', TOKEN, {
      title: '关于法治政府建设情况的报告',
      profile: 'anhui-2013',
    });
    expect(opened.status).toBe(200);
    await t1.page.getByText('请选择一项').waitFor(WAIT);
    await screenshot(t1.page, 'terminal-vote-open');

    // Terminal 1 and 2 vote by touch; seat 3 votes on its keypad first.
    await t1.page.getByRole('button', { name: '满意', exact: true }).click();
    await screenshot(t1.page, 'terminal-confirm');
    await t1.page.getByRole('button', { name: '确认提交' }).click();
    await t1.page.getByTestId('registered').waitFor(WAIT);
    await screenshot(t1.page, 'terminal-registered');
    await choose(t2.page, '不满意');
    expect(await keypad(s3!, [2])).toBe('registered');
    await t3.page.getByTestId('registered').waitFor(WAIT); // the terminal learns its seat is registered

    // The same seat through the other device: refused, and the count does not move.
    const again = await terminalPress(t3.credential, [1]);
    expect(await again.json()).toEqual({ lamp: 'not-accepted', reason: 'already-registered' });
    expect(await keypad(s1!, [3])).toBe('registered'); // keypad keeps showing registered, changes nothing

    // Forged and revoked credentials.
    expect((await terminalPress('A'.repeat(43), [1])).status).toBe(401);
    const list = await api<{ terminals: { terminalId: number; seat: string }[] }>(
      server,
      'GET',
      '/api/terminals',
      tech,
    );
    const t2id = list.body.terminals.find((t) => t.seat === s2)!.terminalId;
    expect((await api(server, 'POST', `/api/terminals/${t2id}/revoke`, tech, {})).status).toBe(200);
    expect((await terminalPress(t2.credential, [1])).status).toBe(401);
    await t2.page.getByText('本终端的配对已被撤销，请重新配对').waitFor(WAIT);

    // Keypads for the rest: 满意 for all but 5, who do not press.
    for (const seat of rest.slice(0, -5)) expect(await keypad(seat, [1])).toBe('registered');
    const status = await api<{ pressed: number; present: number }>(
      server,
      'GET',
      '/api/votes/latest',
      TOKEN,
    );
    expect(status.body).toMatchObject({ pressed: 3 + rest.length - 5, present: members.length });
    const result = await api<{ counts: Record<string, number>; notVoted: number }>(
      server,
      'POST',
      '/api/votes/latest/close',
      TOKEN,
      {},
    );
    expect(result.body.counts).toEqual({
      satisfied: 1 + rest.length - 5,
      'basically-satisfied': 1,
      unsatisfied: 1,
    });
    expect(result.body.notVoted).toBe(5);
    await t1.page.getByTestId('closed').waitFor(WAIT);

    await api(server, 'POST', '/api/votes/latest/announce', TOKEN, {});
    await t1.page.getByTestId('outcome').waitFor(WAIT);
    await screenshot(t1.page, 'terminal-result');
    for (const t of [t1, t2, t3]) await t.ctx.close();
  }, 240_000);
});
