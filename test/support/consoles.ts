import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    // A test beside the code is not in the build: editing it makes no build stale.
    if (!e.isDirectory() && /\.test\.tsx?$/.test(e.name)) continue;
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * The hall server serves the built consoles (`npm run setup` builds them). A test run after a
 * change to a console's source builds it again, so the browser never tests a stale build.
 */
export function ensureConsolesBuilt(): void {
  for (const app of ['chair-console', 'terminal-ui']) {
    const index = path.join(REPO_ROOT, app, 'dist', 'index.html');
    const sources = Math.max(
      newest(path.join(REPO_ROOT, app, 'src')),
      newest(path.join(REPO_ROOT, 'shared', 'src')),
    );
    if (!existsSync(index) || statSync(index).mtimeMs < sources) {
      execFileSync('npm', ['run', 'build', '-w', app], { cwd: REPO_ROOT, stdio: 'ignore' });
    }
  }
}
