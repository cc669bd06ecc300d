import { defineConfig } from 'vitest/config';

// One runner for the whole repository: unit tests sit next to the code as *.test.ts(x),
// cross-package suites live in test/. Slow suites (ptys, real server processes, Chromium)
// get generous per-test timeouts in their own files, never timed assertions.
export default defineConfig({
  test: {
    include: [
      '{shared,drivers,server,test}/**/*.test.ts',
      '{chair-console,terminal-ui,ui-shared}/src/**/*.test.{ts,tsx}',
    ],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // A bound, not a measure: generous, so a loaded machine (CI beside other work, a CLI
    // process started through tsx) never fails a test that would pass on an idle one.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
