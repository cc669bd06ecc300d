// `npm run build -w server` (and `npm run setup`): the hall server and the hall CLI as plain
// JavaScript, so that `npm start` and `hall` run with node alone (no tsx, no TypeScript at start).
//
//   server/src/server.ts   → server/dist/server.js
//   server/src/cli/hall.ts → server/dist/hall.js
//
// Our own workspaces (@hall/shared, @hall/drivers) are bundled: their package.json `exports`
// point at .ts sources, which node cannot load. Every npm package stays external and is resolved
// from node_modules at run time (native ones, better-sqlite3 and serialport, cannot be bundled),
// so `npm ci --omit=dev` is all a built checkout needs. The externals are exactly the
// `dependencies` of server, drivers and shared, and each workspace may import only its own: a
// package used but not declared there (missing after `npm ci --omit=dev`, or only there by
// chance as another package's dependency) fails the build.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const SERVER = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(SERVER, '..');
const OUT = path.join(SERVER, 'dist');

const manifests = ['server', 'drivers', 'shared'].map((ws) => ({
  ws,
  pkg: JSON.parse(readFileSync(path.join(REPO, ws, 'package.json'), 'utf8')),
}));
const ours = new Set(manifests.map((m) => m.pkg.name));
const external = [
  ...new Set(
    manifests.flatMap((m) => Object.keys(m.pkg.dependencies ?? {})).filter((d) => !ours.has(d)),
  ),
].sort();
// Bundled although an npm package: TypeBox is pure JavaScript in ~270 small modules, and loading
// them one by one is a third of the CLI's start (issue 12 "Figures"). Its schemas carry
// `Symbol.for` keys, so they mix with those of the external @fastify/type-provider-typebox.
const BUNDLED = new Set(['@sinclair/typebox']);
const runtimeExternal = external.filter((d) => !BUNDLED.has(d));
const builtins = new Set(builtinModules);

/** The package a bare import names: `a/b/c` → `a`, `@s/a/b` → `@s/a`. */
const packageOf = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

/** Fail on a bare import that is not node's nor in the `dependencies` of the importer's workspace. */
const declaredOnly = {
  name: 'declared-dependencies-only',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || builtins.has(args.path)) return undefined;
      const name = packageOf(args.path);
      const ws = path.relative(REPO, args.importer).split(path.sep)[0];
      const deps = manifests.find((m) => m.ws === ws)?.pkg.dependencies ?? {};
      if (name in deps) return undefined;
      return {
        errors: [
          {
            text: `${args.path} (imported by ${path.relative(REPO, args.importer)}) is not in the dependencies of ${ws}/package.json: add it there (it must be there after npm ci --omit=dev)`,
          },
        ],
      };
    });
  },
};

const result = await build({
  absWorkingDir: REPO,
  entryPoints: {
    server: path.join(SERVER, 'src/server.ts'),
    hall: path.join(SERVER, 'src/cli/hall.ts'),
  },
  outdir: OUT,
  // What only some starts need (the TLS certificates) is its own chunk, loaded by import().
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  sourcesContent: false,
  external: runtimeExternal,
  plugins: [declaredOnly],
  // The files are written below, each one whole (a test or a start beside a rebuild never
  // loads half a file).
  write: false,
  logLevel: 'warning',
  metafile: true,
});

// The chunks first, the entry points last (they import the chunks); then the stale chunks go.
const isChunk = (f) => path.relative(OUT, f.path).startsWith('chunks');
const files = [...result.outputFiles].sort((a, b) => Number(isChunk(b)) - Number(isChunk(a)));
for (const file of files) {
  mkdirSync(path.dirname(file.path), { recursive: true });
  const tmp = `${file.path}.${process.pid}.tmp`;
  // The CLI source's `#!/usr/bin/env -S npx tsx` line would run the bundle through tsx: node.
  const text = file.path.endsWith('.js')
    ? file.text.replace(/^#!.*/, '#!/usr/bin/env node')
    : file.contents;
  writeFileSync(tmp, text);
  renameSync(tmp, file.path);
}
const fresh = new Set(files.map((f) => path.basename(f.path)));
mkdirSync(path.join(OUT, 'chunks'), { recursive: true });
for (const f of readdirSync(path.join(OUT, 'chunks'))) {
  if (!fresh.has(f)) rmSync(path.join(OUT, 'chunks', f), { force: true });
}
// Which npm packages the bundles load at run time (must all be installed by npm ci --omit=dev).
const loaded = new Set();
for (const out of Object.values(result.metafile.outputs)) {
  for (const imp of out.imports)
    if (imp.external && !imp.path.startsWith('node:')) loaded.add(packageOf(imp.path));
}
writeFileSync(
  path.join(OUT, 'externals.json'),
  `${JSON.stringify({ declared: external, loaded: [...loaded].sort() }, null, 2)}\n`,
);
