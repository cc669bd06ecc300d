import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';

let f: AppFixture;
const consoles = mkdtempSync(path.join(tmpdir(), 'hall-csp-'));
beforeAll(async () => {
  for (const app of ['chair', 'terminal']) {
    mkdirSync(path.join(consoles, app));
    writeFileSync(path.join(consoles, app, 'index.html'), `<!doctype html><title>${app}</title>`);
  }
  f = await appFixture({
    consoleDirs: { chair: path.join(consoles, 'chair'), terminal: path.join(consoles, 'terminal') },
  });
});
afterAll(async () => {
  await f.close();
  rmSync(consoles, { recursive: true, force: true });
});

const csp = async (url: string, accept = 'text/html') =>
  String((await f.app.inject({ url, headers: { accept } })).headers['content-security-policy']);

describe('content security policy: no inline code except on the API docs', () => {
  it.each(['/', '/display', '/index.html', '/terminal/', '/api/health', '/api/display', '/nope'])(
    '%s forbids inline scripts and styles',
    async (url) => {
      const policy = await csp(url);
      expect(policy).toMatch(/script-src 'self'(;|$)/);
      expect(policy).toMatch(/style-src 'self'(;|$)/);
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).toContain("frame-ancestors 'none'");
    },
  );

  it('allows inline code on the Swagger UI at /docs only', async () => {
    expect(await csp('/docs/')).toContain("script-src 'self' 'unsafe-inline'");
    // A spelling that is not the docs route does not get the docs policy.
    expect(await csp('/display?/docs/')).not.toContain('unsafe-inline');
  });
});
