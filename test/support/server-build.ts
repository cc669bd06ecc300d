import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';

/** What the server build is made of (server/build.mjs): sources, the build script, manifests. */
const INPUTS = [
  'server/src',
  'shared/src',
  'drivers/src',
  'server/build.mjs',
  'server/package.json',
  'shared/package.json',
  'drivers/package.json',
];
const OUTPUTS = ['server/dist/server.js', 'server/dist/hall.js'];

function newest(p: string): number {
  // A file another editor replaces meanwhile (an atomic save) may be gone: it counts as nothing.
  const s = statSync(p, { throwIfNoEntry: false });
  if (!s) return 0;
  if (!s.isDirectory()) return p.endsWith('.test.ts') ? 0 : s.mtimeMs;
  let t = 0;
  for (const e of readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

let checked = false;

/**
 * `npm start` and `npm run -s hall` run the built JavaScript (server/dist/, `npm run setup` and
 * `npm test` build it). A test run by itself after a change to a source builds it again, so the
 * end-to-end tests never exercise a stale or missing build.
 */
export function ensureServerBuilt(): void {
  if (checked) return;
  const outs = OUTPUTS.map((f) => path.join(REPO_ROOT, f));
  const built = outs.every((f) => existsSync(f))
    ? Math.min(...outs.map((f) => statSync(f).mtimeMs))
    : 0;
  const sources = Math.max(...INPUTS.map((f) => newest(path.join(REPO_ROOT, f))));
  if (built < sources) {
    execFileSync('npm', ['run', '-s', 'build', '-w', 'server'], {
      cwd: REPO_ROOT,
      stdio: 'ignore',
    });
  }
  checked = true;
}
