import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_DIR, KEY_DIR, preparePrivateDir } from './private-dir';

const made: string[] = [];
const temp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'hall-perm-'));
  made.push(d);
  return d;
};
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});
const mode = (p: string) => statSync(p).mode & 0o777;

describe('the data and key directories are private', () => {
  it('creates a missing directory 0700 whatever the umask', () => {
    const dir = path.join(temp(), 'data');
    const old = process.umask(0);
    try {
      preparePrivateDir(dir, DATA_DIR);
    } finally {
      process.umask(old);
    }
    expect(mode(dir)).toBe(0o700);
  });

  it.each([0o755, 0o750, 0o705, 0o710, 0o701])(
    'refuses a directory of mode %o, naming the fix',
    (m) => {
      const dir = temp();
      chmodSync(dir, m);
      expect(() => preparePrivateDir(dir, KEY_DIR)).toThrow(
        new RegExp(
          `^密钥目录 .* 的权限为 ${m.toString(8)}.*chmod 700 '${dir}'.* / the key directory`,
        ),
      );
    },
  );

  it('makes every file in it 0600', () => {
    const dir = temp();
    const file = path.join(dir, 'hall.db');
    writeFileSync(file, 'x');
    chmodSync(file, 0o644);
    preparePrivateDir(dir, DATA_DIR);
    expect(mode(file)).toBe(0o600);
  });

  it('refuses a file where the directory should be', () => {
    const file = path.join(temp(), 'data');
    writeFileSync(file, 'x');
    expect(() => preparePrivateDir(file, DATA_DIR)).toThrow(/不是目录/);
  });
});
