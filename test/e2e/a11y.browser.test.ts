import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { launchChromium, screenshot } from '../support/browser';
import { ensureConsolesBuilt } from '../support/consoles';
import { api, login, startDemoHall, type HallServer } from '../support/hall-server';

/**
 * Issue 13 "An axe-core run on every page with no serious or critical violation" and "Screenshots
 * of every page at every size": one `npm start` demo hall, one Chromium. Every page of the chair
 * console for each role that sees it, the hall display (idle, vote open, announced), the seat
 * terminal (pairing, waiting for the chair, checked in, waiting, ballot, confirm, registered,
 * result), the login page and the header's change-password dialog. Each is checked by axe-core at
 * each of its sizes (the full rule set at the first, the layout rules at the others) and kept as
 * `test-artifacts/<page>-<w>x<h>.png` (listed in the README's "Screenshots" section).
 */
const TOKEN = 'a11y-operator-token';
const WAIT = { timeout: 30_000 };

type Size = readonly [number, number];
/** The seat terminal: 800×480, 1024×600, 1280×800, landscape and portrait. */
const TERMINAL_SIZES: Size[] = [
  [800, 480],
  [1024, 600],
  [1280, 800],
  [480, 800],
  [600, 1024],
  [800, 1280],
];
const DISPLAY_SIZES: Size[] = [
  [1280, 720],
  [1920, 1080],
  [3840, 2160],
];
/** The consoles (the follow-up table at 1366×768 among them). */
const CONSOLE_SIZES: Size[] = [
  [1366, 768],
  [1920, 1080],
];

/**
 * The console pages each login role sees (chair-console/src/pages/ConsoleApp.tsx, `PAGES`; the
 * operator, who has no console login, sees their union). The test checks the console's page
 * navigation against this list, so a page added to ConsoleApp fails here until it is listed.
 */
const ROLE_PAGES = {
  chair: ['chair', 'seriesPage', 'secretariat', 'history', 'followUpPage'],
  secretariat: [
    'secretariat',
    'seriesPage',
    'rosterPage',
    'profilesPage',
    'history',
    'followUpPage',
    'users',
  ],
  technician: ['technician'],
} as const;
type PageId = (typeof ROLE_PAGES)[keyof typeof ROLE_PAGES][number];
/** The navigation label of each page (chair-console/src/lib/i18n.tsx, Chinese). */
const PAGE_LABELS: Record<PageId, string> = {
  chair: '主持人',
  secretariat: '工作机构',
  rosterPage: '名单',
  seriesPage: '连续测评',
  profilesPage: '测评办法',
  history: '历史记录',
  followUpPage: '跟踪督办',
  technician: '技术人员',
  users: '用户管理',
};
const PASSWORDS = {
  chair: 'chair-demo',
  secretariat: 'secretariat-demo',
  technician: 'technician-demo',
};

let server: HallServer;
let browser: Browser;
let tech: string;
let chair: string;
let members: string[];
let itemId: number;
/** Every failing check: `page: rule (impact) help — selectors [url] @ sizes`. */
const failures = new Map<string, string[]>();
/** Every screenshot taken, for the report. */
const shots: string[] = [];
const timing = { axe: 0, shot: 0 };

beforeAll(async () => {
  ensureConsolesBuilt();
  ({ server, tech, memberSeats: members } = await startDemoHall(TOKEN, 'hall-a11y-'));
  chair = await login(server, 'chair', PASSWORDS.chair);
  await api(server, 'POST', '/api/sessions', TOKEN, { title: '第二十四次常委会会议' });
  const item = await api<{ itemId: number }>(server, 'POST', '/api/sessions/current/items', TOKEN, {
    title: '关于全省义务教育均衡发展情况的报告',
    organ: '省人民政府',
  });
  expect(item.status).toBe(200);
  itemId = item.body.itemId;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

/** Requests to the hall API a page has in flight, to wait until a page has loaded its data. */
function track(page: Page) {
  let inFlight = 0;
  const listeners = new Set<() => void>();
  const api = (r: { url(): string }) => new URL(r.url()).pathname.startsWith('/api/');
  page.on('request', (r) => {
    if (api(r)) inFlight++;
  });
  const done = (r: { url(): string }) => {
    if (!api(r)) return;
    inFlight--;
    for (const l of listeners) l();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return async function settled() {
    // Two frames: React has rendered and run its effects (which start the page's fetches).
    const frames = () =>
      page.evaluate(
        () =>
          new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
      );
    await frames();
    const end = Date.now() + WAIT.timeout;
    while (inFlight > 0) {
      const left = end - Date.now();
      if (left <= 0) throw new Error(`${page.url()}: ${inFlight} API requests still open`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        const l = () => {
          clearTimeout(t);
          listeners.delete(l);
          resolve();
        };
        listeners.add(l);
      });
    }
    await frames();
  };
}

interface Screen {
  page: Page;
  ctx: BrowserContext;
  settled: () => Promise<void>;
}

async function open(size: Size): Promise<Screen> {
  // bypassCSP: the hall's pages allow no inline script, and axe-core is injected as one.
  const ctx = await browser.newContext({
    viewport: { width: size[0], height: size[1] },
    bypassCSP: true,
  });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.warn(`${page.url()}: ${e.message}`));
  return { ctx, page, settled: track(page) };
}

/**
 * Open `url` until `ready` shows. The consoles are rebuilt while tests run (vite empties `dist/`
 * first), so a load that races a build gets an empty page: load again, a bounded number of times.
 */
async function load(screen: Screen, url: string, ready: Locator) {
  for (let attempt = 1; ; attempt++) {
    await screen.page.goto(url);
    try {
      await ready.waitFor(WAIT);
      return;
    } catch (e) {
      if (attempt === 3) {
        console.warn(`${url} did not show ${String(ready)}:\n${await screen.page.content()}`);
        throw e;
      }
    }
  }
}

/**
 * The rules whose outcome depends on the layout, run again at every further size (the full set,
 * colour contrast among it, runs at the first and smallest size of each page).
 */
const LAYOUT_RULES = ['scrollable-region-focusable', 'meta-viewport', 'nested-interactive'];

/** axe-core and a screenshot of what `screen` shows now, at each of `sizes`. */
async function check(screen: Screen, name: string, sizes: Size[]) {
  for (const [i, [w, h]] of sizes.entries()) {
    await screen.page.setViewportSize({ width: w, height: h });
    await screen.settled();
    const t0 = Date.now();
    const found = await axeViolations(screen.page, name, i ? LAYOUT_RULES : undefined);
    const t1 = Date.now();
    timing.axe += t1 - t0;
    for (const v of found) {
      if (!failures.has(v)) console.warn(v);
      failures.set(v, [...(failures.get(v) ?? []), `${w}x${h}`]);
    }
    shots.push(`${name}-${w}x${h}.png`);
    await screenshot(screen.page, `${name}-${w}x${h}`);
    timing.shot += Date.now() - t1;
  }
}

async function logIn(screen: Screen, role: keyof typeof PASSWORDS) {
  if (!(await screen.page.getByLabel('用户名').isVisible())) {
    await load(screen, `${server.url}/`, screen.page.getByLabel('用户名'));
  }
  await screen.page.getByLabel('用户名').fill(role);
  await screen.page.getByLabel('密码').fill(PASSWORDS[role]);
  await screen.page.getByRole('button', { name: '登录' }).click();
  const nav = screen.page.getByRole('navigation').first();
  await nav.waitFor(WAIT);
  // The console's navigation lists exactly the pages this test visits for the role.
  const shown = (await nav.getByRole('button').allTextContents()).map((s) => s.trim());
  const listed = ROLE_PAGES[role].map((p) => PAGE_LABELS[p]);
  if (JSON.stringify(shown) !== JSON.stringify(listed)) {
    failures.set(
      `${role}: the console shows pages [${shown.join(', ')}], this test lists [${listed.join(', ')}]: update ROLE_PAGES`,
      [],
    );
  }
}

async function visit(screen: Screen, role: keyof typeof PASSWORDS, id: PageId, state = '') {
  const nav = screen.page.getByRole('navigation').first();
  await nav.getByRole('button', { name: PAGE_LABELS[id], exact: true }).click();
  await nav
    .locator('[aria-current="page"]')
    .getByText(PAGE_LABELS[id], { exact: true })
    .waitFor(WAIT);
  await screen.page.locator('main').first().waitFor(WAIT);
  // The follow-up table (issue 13: readable at 1366×768) has the announced 不满意 item's row.
  if (id === 'followUpPage') await screen.page.locator('main table tbody tr').first().waitFor(WAIT);
  await check(screen, `console-${role}-${id}${state ? `-${state}` : ''}`, CONSOLE_SIZES);
}

const keypad = async (seat: string, keys: number[]) =>
  (await api<{ lamp: string }>(server, 'POST', '/api/demo/press', tech, { seat, keys })).body.lamp;

describe('accessibility (axe-core) and screenshots of every page', () => {
  it('the harness reports serious and critical violations (a page made to fail)', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<html><body><p style="color:#777;background:#888">低对比度</p><img src="x.png">' +
        '<input type="text"></body></html>',
    );
    const found = (await axeViolations(page, 'bad')).join('\n');
    expect(found).toMatch(/bad: color-contrast \(serious\)/);
    expect(found).toMatch(/bad: image-alt \(critical\) .* — img/);
    expect(found).toMatch(/bad: label \(critical\)/);
    await page.close();
  }, 60_000);

  it('finds no serious or critical violation on any page, at any size', async () => {
    // The login page.
    const consoleScreen = await open(CONSOLE_SIZES[0]!);
    await load(consoleScreen, `${server.url}/`, consoleScreen.page.getByLabel('用户名'));
    await check(consoleScreen, 'login', CONSOLE_SIZES);

    // The hall display between votes.
    const display = await open(DISPLAY_SIZES[0]!);
    await load(display, `${server.url}/display`, display.page.locator('main'));
    await check(display, 'hall-display-idle', DISPLAY_SIZES);

    // The seat terminal: pairing, waiting for the chair, checked in, waiting for a vote.
    const seat = members[0]!;
    const terminal = await open(TERMINAL_SIZES[0]!);
    await load(terminal, `${server.url}/terminal/`, terminal.page.getByLabel('配对码'));
    await check(terminal, 'seat-terminal-pairing', TERMINAL_SIZES);
    const code = await api<{ code: string }>(server, 'POST', '/api/terminals/pairings', tech, {
      seat,
    });
    expect(code.status).toBe(200);
    await terminal.page.getByLabel('配对码').fill(code.body.code);
    await terminal.page.getByRole('button', { name: '配对' }).click();
    await terminal.page.getByTestId('awaiting-confirmation').waitFor(WAIT);
    await check(terminal, 'seat-terminal-awaiting-confirmation', TERMINAL_SIZES);
    await api(server, 'POST', '/api/checkin/open', TOKEN, {});
    for (const s of members) expect(await keypad(s, [2])).toBe('registered');
    const pending = await api<{ terminals: { terminalId: number }[] }>(
      server,
      'GET',
      '/api/terminals/confirmations',
      chair,
    );
    for (const t of pending.body.terminals) {
      expect(
        (await api(server, 'POST', `/api/terminals/${t.terminalId}/confirm`, chair, {})).status,
      ).toBe(200);
    }
    await terminal.page.getByTestId('checked-in').waitFor(WAIT);
    await check(terminal, 'seat-terminal-checked-in', TERMINAL_SIZES);
    await api(server, 'POST', '/api/checkin/close', TOKEN, {});
    await terminal.page.getByTestId('idle').waitFor(WAIT);
    await check(terminal, 'seat-terminal-waiting', TERMINAL_SIZES);

    // The chair console before a vote.
    await logIn(consoleScreen, 'chair');
    await visit(consoleScreen, 'chair', 'chair', 'idle');

    // A vote open: the ballot, the display, the chair's progress.
    const opened = await api(server, 'POST', '/api/votes', TOKEN, {
      title: '关于全省义务教育均衡发展情况的报告',
      profile: 'anhui-2013',
      itemId,
    });
    expect(opened.status).toBe(200);
    await terminal.page.getByRole('button', { name: '不满意', exact: true }).waitFor(WAIT);
    await check(terminal, 'seat-terminal-ballot', TERMINAL_SIZES);
    await display.page
      .getByText(/测评进行中|请按键/)
      .first()
      .waitFor(WAIT);
    await check(display, 'hall-display-vote-open', DISPLAY_SIZES);
    await consoleScreen.page.getByText('测评进行中').first().waitFor(WAIT);
    await check(consoleScreen, 'console-chair-chair-vote-open', CONSOLE_SIZES);

    // The member chooses and confirms; the keypads press: 不满意 by 28 of 60, so a follow-up is due
    // (anhui-2013) and the follow-up table has a row.
    await terminal.page.getByRole('button', { name: '满意', exact: true }).click();
    await terminal.page.getByRole('button', { name: '确认提交' }).waitFor(WAIT);
    await check(terminal, 'seat-terminal-confirm', TERMINAL_SIZES);
    await terminal.page.getByRole('button', { name: '确认提交' }).click();
    await terminal.page.getByTestId('registered').waitFor(WAIT);
    await check(terminal, 'seat-terminal-registered', TERMINAL_SIZES);
    for (const [i, s] of members.slice(1, -3).entries()) {
      expect(await keypad(s, [[3], [3], [1], [2]][i % 4]!)).toBe('registered');
    }

    // Closed (the chair sees the result) and announced (the display and the terminal too).
    expect((await api(server, 'POST', '/api/votes/latest/close', TOKEN, {})).status).toBe(200);
    await consoleScreen.page.getByTestId('outcome').first().waitFor(WAIT);
    await check(consoleScreen, 'console-chair-chair-closed', CONSOLE_SIZES);
    expect((await api(server, 'POST', '/api/votes/latest/announce', TOKEN, {})).status).toBe(200);
    await display.page.getByTestId('outcome').first().waitFor(WAIT);
    await check(display, 'hall-display-announced', DISPLAY_SIZES);
    await terminal.page.getByTestId('outcome').first().waitFor(WAIT);
    await check(terminal, 'seat-terminal-result', TERMINAL_SIZES);
    await check(consoleScreen, 'console-chair-chair-announced', CONSOLE_SIZES);

    // Every other page, for each role that sees it, with a sealed record in the history.
    for (const id of ROLE_PAGES.chair.slice(1)) await visit(consoleScreen, 'chair', id);
    for (const role of ['secretariat', 'technician'] as const) {
      await consoleScreen.page.getByRole('button', { name: '退出' }).click();
      await logIn(consoleScreen, role);
      for (const id of ROLE_PAGES[role]) {
        await visit(consoleScreen, role, id);
        if (id === 'profilesPage') {
          // The profile editor (issue 14), opened on a copy of a built-in profile.
          const row = consoleScreen.page.getByTestId('profile-anhui-2013-v1');
          await row.getByRole('button', { name: /^复制/ }).click();
          await consoleScreen.page.getByTestId('readback-source').waitFor(WAIT);
          await check(consoleScreen, 'console-secretariat-profilesPage-editor', CONSOLE_SIZES);
        }
      }
      if (role === 'secretariat') {
        // The header's change-password dialog (every login role has it).
        await consoleScreen.page.getByRole('button', { name: '修改密码' }).click();
        const dialog = consoleScreen.page.getByTestId('change-password-dialog');
        await dialog.waitFor(WAIT);
        await check(consoleScreen, 'console-secretariat-change-password', CONSOLE_SIZES);
        await dialog.getByRole('button', { name: '取消' }).click();
        await dialog.waitFor({ state: 'detached', ...WAIT });
      }
    }
    for (const s of [consoleScreen, display, terminal]) await s.ctx.close();

    console.warn(
      `${shots.length} screenshots (${timing.shot} ms), axe ${timing.axe} ms, ${failures.size} failures`,
    );
    const report = [...failures].map(([v, sizes]) =>
      sizes.length ? `${v} @ ${sizes.join(', ')}` : v,
    );
    expect(report, report.join('\n')).toEqual([]);
    expect(shots.length).toBeGreaterThan(0);
  }, 420_000);
});
