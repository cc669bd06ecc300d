#!/usr/bin/env node
// The `hall` command (CONTRACT.md §1): `npm run -s hall -- <command>`, `npx hall <command>`, or
// `hall <command>` after a global install. It runs the built CLI, server/dist/hall.js
// (`npm run setup` builds it; see server/build.mjs).
import { existsSync } from 'node:fs';

const built = new URL('../dist/hall.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write(
    'hall：尚未构建，请先运行 npm run setup / hall: not built yet, run npm run setup first\n',
  );
  process.exit(1);
}
await import(built.href);
