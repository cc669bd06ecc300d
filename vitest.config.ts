import { defineConfig } from 'vitest/config';

// One runner for the whole repository: unit tests sit next to the code as *.test.ts(x),
// cross-package suites live in test/. Slow suites (ptys, real server processes, Chromium)
// get generous per-test timeouts in their own files, never timed assertions.
export default defineConfig({
  test: {
    include: [
      '{shared,drivers,server,test}/**/*.test.ts',
      '{chair-console,terminal-ui}/src/**/*.test.{ts,tsx}',
    ],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
