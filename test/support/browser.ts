import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from './paths';

/** Debian's Chromium, as the standards require: no browser download of our own. */
export const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${mkdtempSync(path.join(tmpdir(), 'hall-chromium-'))}`,
    ],
  });
}

/** Where screenshots are kept as test artifacts. */
export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/**
 * Elements whose text is cut off: content wider or taller than the box that clips it. Returns a
 * description of each, so a failing test says where.
 */
export async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (
        !el.childNodes.length ||
        !Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim())
      )
        continue;
      const style = getComputedStyle(el);
      if (style.textOverflow === 'ellipsis') continue; // deliberate, with a title for the full text
      const clips =
        ['hidden', 'clip'].includes(style.overflowX) ||
        ['hidden', 'clip'].includes(style.overflowY);
      if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
        found.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 40)}`);
      }
      const r = el.getBoundingClientRect();
      if (r.right > window.innerWidth + 1 && style.position !== 'fixed') {
        found.push(
          `${el.tagName.toLowerCase()}.${el.className} runs off the right edge: ${el.textContent?.slice(0, 40)}`,
        );
      }
    }
    return found;
  });
}
