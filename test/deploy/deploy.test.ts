import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SHARED_DIR } from '../support/paths';

/**
 * deploy/ (issue 12 "Operations"): the systemd unit runs the build, restarts on failure, keeps
 * the key directory out of the data directory, and its environment file names only variables
 * the server reads (CONTRACT.md §2, or the project's own in the READMEs).
 */
const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');

/** `[Section]` → key → values (a key given twice keeps both), comments and blanks dropped. */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = new Map();
      sections.set(section[1]!, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (!current || eq < 1) throw new Error(`not a unit file line: ${raw}`);
    const key = line.slice(0, eq).trim();
    current.set(key, [...(current.get(key) ?? []), line.slice(eq + 1).trim()]);
  }
  return sections;
}

/** `KEY=value` lines of an environment file (commented-out ones too, as `commented`). */
function parseEnv(text: string): { set: Map<string, string>; commented: string[] } {
  const set = new Map<string, string>();
  const commented: string[] = [];
  for (const raw of text.split('\n')) {
    const on = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(raw.trim());
    if (on) set.set(on[1]!, on[2]!);
    const off = /^#\s*([A-Z_][A-Z0-9_]*)=/.exec(raw.trim());
    if (off) commented.push(off[1]!);
  }
  return { set, commented };
}

/** The server's environment: CONTRACT.md §2's table (beside the repository, ../shared). */
function contractVars(): string[] {
  const text = readFileSync(path.join(SHARED_DIR, 'CONTRACT.md'), 'utf8');
  const section = text.slice(text.indexOf('## 2.'), text.indexOf('## 3.'));
  return [...section.matchAll(/^\| `(HALL_[A-Z0-9_]+)`/gm)].map((m) => m[1]!);
}
const CONTRACT_VARS = contractVars();
const documented = new Set([
  ...CONTRACT_VARS,
  ...[read('README.md'), read('server/README.md')].flatMap((t) =>
    [...t.matchAll(/`(HALL_[A-Z0-9_]+)`/g)].map((m) => m[1]!),
  ),
]);

const isInside = (inner: string, outer: string) => {
  const rel = path.posix.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.posix.isAbsolute(rel));
};

describe('deploy/hall.service', () => {
  const unit = parseUnit(read('deploy/hall.service'));
  const service = unit.get('Service')!;
  const one = (key: string) => {
    const v = service.get(key);
    expect(v, key).toHaveLength(1);
    return v![0]!;
  };

  it('runs the built server with node, as the hall user, from /opt/hall', () => {
    expect(one('ExecStart')).toBe('/usr/bin/node /opt/hall/server/dist/server.js');
    expect(one('WorkingDirectory')).toBe('/opt/hall');
    expect(path.posix.relative(one('WorkingDirectory'), one('ExecStart').split(' ')[1]!)).toBe(
      'server/dist/server.js',
    );
    expect(one('User')).toBe('hall');
    expect(one('SupplementaryGroups')).toContain('dialout');
    expect(one('EnvironmentFile')).toBe('/etc/hall/hall.env');
    expect(unit.get('Install')?.get('WantedBy')).toEqual(['multi-user.target']);
  });

  it('restarts on failure, stops on SIGTERM within a bound, writes 0600 files', () => {
    expect(one('Restart')).toBe('on-failure');
    expect(Number(one('RestartSec'))).toBeGreaterThan(0);
    expect(one('KillSignal')).toBe('SIGTERM');
    expect(Number(one('TimeoutStopSec'))).toBeGreaterThan(0);
    expect(one('UMask')).toBe('0077');
  });

  it('is hardened, and may write only the data and key directories', () => {
    for (const key of ['NoNewPrivileges', 'PrivateTmp', 'ProtectHome'])
      expect(one(key)).toBe('true');
    expect(one('ProtectSystem')).toBe('strict');
    const env = parseEnv(read('deploy/hall.env.example')).set;
    const writable = one('ReadWritePaths').split(/\s+/);
    for (const dir of [env.get('HALL_DATA_DIR')!, env.get('HALL_KEY_DIR')!]) {
      expect(
        writable.some((w) => isInside(dir, w.replace(/^-/, ''))),
        dir,
      ).toBe(true);
    }
    // The serial ports are devices: a private /dev would hide them.
    expect(service.has('PrivateDevices')).toBe(false);
  });
});

describe('deploy/hall.env.example', () => {
  const env = parseEnv(read('deploy/hall.env.example'));

  it('reads CONTRACT.md §2', () => {
    expect(CONTRACT_VARS).toEqual(
      expect.arrayContaining(['HALL_PORT', 'HALL_KEY_DIR', 'HALL_TLS']),
    );
  });

  it('names only variables the server reads (CONTRACT.md §2 or the READMEs)', () => {
    const names = [...env.set.keys(), ...env.commented];
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(documented, name).toContain(name);
    for (const name of [
      'HALL_CONFIG',
      'HALL_DATA_DIR',
      'HALL_KEY_DIR',
      'HALL_OPERATOR_TOKEN',
      'HALL_PORT',
    ]) {
      expect(env.set.has(name), name).toBe(true);
    }
    // No token is shipped: the operator makes one (openssl rand -base64 32).
    expect(env.set.get('HALL_OPERATOR_TOKEN')).toBe('');
  });

  it('keeps the key directory out of the data directory (and the reverse)', () => {
    const data = env.set.get('HALL_DATA_DIR')!;
    const keys = env.set.get('HALL_KEY_DIR')!;
    for (const dir of [data, keys]) expect(path.posix.isAbsolute(dir), dir).toBe(true);
    expect(isInside(keys, data)).toBe(false);
    expect(isInside(data, keys)).toBe(false);
  });
});

describe('deploy/hall.logrotate', () => {
  it('rotates by copying and truncating (the server keeps its file open)', () => {
    const text = read('deploy/hall.logrotate');
    expect(text).toMatch(/^\s*copytruncate\s*$/m);
    expect(text).toMatch(/^\/var\/log\/hall\/hall\.log \{$/m);
  });
});
