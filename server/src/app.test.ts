import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../test-support/app-fixture';

let f: AppFixture;
afterEach(async () => {
  await f?.close();
});

describe('the app', () => {
  it('outside demo mode: random initial passwords in a 0600 file, and no demo route', async () => {
    f = await appFixture({ demo: false });
    const file = path.join(f.dir, 'initial-passwords.txt');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['chair', 'secretariat', 'technician']);
    const [user, password] = lines[0]!.split(' ') as [string, string];
    expect(password).not.toBe('chair-demo');
    const demo = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user, password: 'chair-demo' },
    });
    expect(demo.statusCode).toBe(401);
    const ok = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user, password },
    });
    expect(ok.statusCode).toBe(200);
    expect(f.app.routeAccess.some((r) => r.url === '/api/demo/press')).toBe(false);
  });

  it('serves the API docs and security headers', async () => {
    f = await appFixture();
    const docs = await f.app.inject({ url: '/docs/json' });
    expect(docs.statusCode).toBe(200);
    expect(Object.keys((docs.json() as { paths: object }).paths)).toContain('/api/votes');
    const health = await f.app.inject({ url: '/api/health' });
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['x-ratelimit-limit']).toBeDefined();
  });

  it('runs a sitting over HTTP: agenda item, manual marking, presses, close, announce, document', async () => {
    f = await appFixture();
    const op = f.auth('operator');
    const post = (url: string, payload?: object, headers = op) =>
      f.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
    expect((await post('/api/sessions', { title: '第十次会议' })).statusCode).toBe(200);
    const item = await post('/api/sessions/current/items', {
      title: '关于全省法院执行工作情况的报告',
      organ: '省高级人民法院',
    });
    const { itemId } = item.json() as { itemId: number };
    for (let i = 1; i <= 31; i++) {
      const r = await post('/api/attendance/mark', {
        memberId: `M${String(i).padStart(3, '0')}`,
        present: true,
      });
      expect(r.statusCode).toBe(200);
    }
    const unknown = await post('/api/attendance/mark', { memberId: 'M999', present: true });
    expect(unknown.statusCode).toBe(404);
    const open = await post('/api/votes', { title: '执行工作', profile: 'zizhou', itemId });
    expect(open.statusCode).toBe(200);
    const press = (seat: string, keys: number[]) =>
      post('/api/demo/press', { seat, keys }, f.auth('technician'));
    expect((await press('A-1', [1])).json()).toMatchObject({ lamp: 'registered' });
    expect((await press('A-2', [3])).json()).toMatchObject({ lamp: 'registered' });
    expect((await press('W-29', [1])).json()).toMatchObject({ lamp: 'not-accepted' });
    expect((await press('Q-1', [1])).statusCode).toBe(404);
    const during = await f.app.inject({ url: '/api/votes/1/result', headers: op });
    expect(during.statusCode).toBe(409);
    const closed = await post('/api/votes/latest/close');
    expect(closed.json()).toMatchObject({ voteId: 1, valid: 2, present: 31, notVoted: 29 });
    const announced = await post('/api/votes/latest/announce');
    expect(announced.statusCode).toBe(200);
    const doc = await f.app.inject({ url: '/api/votes/1/document', headers: op });
    expect(doc.json()).toMatchObject({ voteId: 1, profile: { id: 'zizhou' }, present: 31 });
    const display = await f.app.inject({ url: '/api/display' });
    expect(display.json()).toMatchObject({ result: { voteId: 1 } });
  });

  it('reports bus and seat health from driver events', async () => {
    f = await appFixture();
    f.buses.W.emit({ type: 'bus-down', bus: 'W', reason: 'cable pulled' });
    const h = await f.app.inject({ url: '/api/hardware', headers: f.auth('technician') });
    const body = h.json() as {
      buses: { bus: string; up: boolean; reason: string | null }[];
      offline: string[];
    };
    expect(body.buses.find((b) => b.bus === 'W')).toMatchObject({
      up: false,
      reason: 'cable pulled',
    });
    expect(body.offline).toContain('W-1');
    const a = await f.app.inject({ url: '/api/attendance', headers: f.auth('operator') });
    expect((a.json() as { seatsOnline: number }).seatsOnline).toBe(40);
  });

  it('serves the built consoles as single-page apps, public, and keeps /api/ 404s as JSON', async () => {
    const root = path.join(tmpdir(), `hall-consoles-${process.pid}`);
    const dirs = { chair: path.join(root, 'chair'), terminal: path.join(root, 'terminal') };
    for (const [name, dir] of Object.entries(dirs)) {
      mkdirSync(path.join(dir, 'assets'), { recursive: true });
      writeFileSync(path.join(dir, 'index.html'), `<html>${name}</html>`);
      writeFileSync(path.join(dir, 'assets', 'app.js'), `// ${name}`);
    }
    f = await appFixture({ consoleDirs: dirs });
    const html = { accept: 'text/html' };
    expect((await f.app.inject({ url: '/', headers: html })).body).toBe('<html>chair</html>');
    expect((await f.app.inject({ url: '/display', headers: html })).body).toBe(
      '<html>chair</html>',
    );
    expect((await f.app.inject({ url: '/assets/app.js' })).body).toBe('// chair');
    expect((await f.app.inject({ url: '/terminal/', headers: html })).body).toBe(
      '<html>terminal</html>',
    );
    expect((await f.app.inject({ url: '/terminal/pair', headers: html })).body).toBe(
      '<html>terminal</html>',
    );
    const api = await f.app.inject({ url: '/api/nothing', headers: html });
    expect(api.statusCode).toBe(404);
    expect((api.json() as { code: string }).code).toBe('NO_ROUTE');
  });
});
