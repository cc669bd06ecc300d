import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { HallErrorCode } from '../errors';

/**
 * The checkout's root: the nearest directory above this module whose package.json declares the
 * workspaces. The same from the sources (server/src/plugins/, tests) and from the build
 * (server/dist/server.js, one bundle), so the consoles are found either way.
 */
function repoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
      if (pkg.workspaces) return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`no workspace root above ${from}`);
  }
}

const REPO = repoRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The built consoles the server serves, when they are built (`npm run setup`). */
export const CONSOLE_DIRS = {
  chair: path.join(REPO, 'chair-console', 'dist'),
  terminal: path.join(REPO, 'terminal-ui', 'dist'),
};

/**
 * Serve the chair console (and hall display) at `/` and the seat terminal at `/terminal/`, as
 * single-page apps: an unknown GET outside `/api/` that asks for HTML gets the app's index.html.
 * Static files are declared public here; every other route checks the role (plugins/access.ts).
 */
export const consolesPlugin = fp<{ dirs?: typeof CONSOLE_DIRS }>(async (app, opts) => {
  const dirs = opts.dirs ?? CONSOLE_DIRS;
  // The consoles' files are public (plugins/access.ts refuses a route that does not say so):
  // @fastify/static registers one route per file, with the root it serves in `config.rootPath`.
  const roots = new Set([path.resolve(dirs.chair), path.resolve(dirs.terminal)]);
  app.addHook('onRoute', (r) => {
    const root = (r.config as { rootPath?: unknown } | undefined)?.rootPath;
    if (typeof root === 'string' && roots.has(path.resolve(root))) {
      r.config = { ...r.config, roles: 'public' };
    }
  });
  const chair = existsSync(path.join(dirs.chair, 'index.html'));
  const terminal = existsSync(path.join(dirs.terminal, 'index.html'));
  if (chair) {
    await app.register(fastifyStatic, { root: dirs.chair, prefix: '/', wildcard: false });
  }
  if (terminal) {
    await app.register(fastifyStatic, {
      root: dirs.terminal,
      prefix: '/terminal/',
      decorateReply: !chair,
      wildcard: false,
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0]!;
    const wantsPage =
      req.method === 'GET' &&
      !url.startsWith('/api/') &&
      /text\/html/.test(req.headers.accept ?? '');
    if (wantsPage && terminal && url.startsWith('/terminal')) {
      return reply.sendFile('index.html', dirs.terminal);
    }
    if (wantsPage && chair) return reply.sendFile('index.html', dirs.chair);
    return reply.status(404).send({
      statusCode: 404,
      error: 'Not Found',
      code: HallErrorCode.NO_ROUTE,
      message: `没有此接口 ${req.method} ${url} / no route ${req.method} ${url}`,
    });
  });
});
