import { spawn } from 'node:child_process';
import { REPO_ROOT } from './paths';
import { ensureServerBuilt } from './server-build';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `npm run -s hall -- <args>` from the repository root, exactly as an operator would. */
export function hallCli(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  ensureServerBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'hall', '--', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
