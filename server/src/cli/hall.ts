#!/usr/bin/env -S npx tsx
/** The `hall` command: `npm run -s hall -- <command> [options]` (CONTRACT.md §1). */
import { runHall } from './run';

const code = await runHall(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
