import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

/** axe-core's browser bundle, injected into the page under test (the test workspace's copy). */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** The impacts that fail the run (issue 13: "no serious or critical violation"). */
const FAILING = new Set(['serious', 'critical']);

/**
 * Run axe-core on the whole document and describe each serious or critical violation: rule id,
 * impact, the selectors of the offending nodes and axe's help text, prefixed by `where`; `only`
 * limits the run to those rules. The page's
 * context needs `bypassCSP` (the hall's pages forbid inline scripts).
 */
export async function axeViolations(page: Page, where: string, only?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: AXE_SOURCE });
  }
  const results = await page.evaluate(
    (rules) =>
      (window as unknown as { axe: { run: (...a: unknown[]) => Promise<AxeResults> } }).axe.run(
        document,
        {
          resultTypes: ['violations'],
          ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}),
        },
      ),
    only ?? null,
  );
  return results.violations
    .filter((v) => FAILING.has(v.impact ?? ''))
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
          .slice(0, 8)
          .map((n) => n.target.join(' '))
          .join(
            ' | ',
          )}${v.nodes.length > 8 ? ` (+${v.nodes.length - 8} more)` : ''} [${v.helpUrl}]`,
    );
}
