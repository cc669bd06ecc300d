/**
 * Wait for a condition with a generous bound (pty suites run on loaded machines: no timed
 * assertions, only conditions). Rejects with `what` when the bound passes.
 */
export async function waitFor(
  what: string,
  cond: () => boolean,
  timeoutMs = 15_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
