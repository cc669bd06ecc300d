import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainErrorCode } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import { HallErrorCode, isHallErrorCode } from './errors';

const SRC = path.dirname(fileURLToPath(import.meta.url));

/** Every production source of the server: its `.ts` files, tests left out. */
const sources: { file: string; text: string }[] = readdirSync(SRC, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ file: f, text: readFileSync(path.join(SRC, f), 'utf8') }));

/** Codes that are not the hall's: Node's own error codes set on a Node error. */
const NODE_CODES = new Set(['ETIMEDOUT']);

describe('the refusal codes (shared/src/api/error-codes.ts)', () => {
  it('names each code by itself and holds every code of the domain core', () => {
    for (const [key, code] of Object.entries(HallErrorCode)) expect(key).toBe(code);
    for (const code of Object.values(DomainErrorCode)) expect(isHallErrorCode(code)).toBe(true);
  });

  it('has no dead code: each is used in server/src or is a code of the domain core', () => {
    const domain = new Set<string>(Object.values(DomainErrorCode));
    const all = sources.map((s) => s.text).join('\n');
    const unused = Object.values(HallErrorCode).filter(
      (code) =>
        !domain.has(code) && !all.includes(`'${code}'`) && !all.includes(`HallErrorCode.${code}`),
    );
    expect(unused).toEqual([]);
  });

  it('is the only source of codes: no free-text code in a reply or an error', () => {
    const free = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/\bcode: '([^']*)'/g)]
        .map((m) => m[1]!)
        .filter((code) => !NODE_CODES.has(code))
        .map((code) => `${file}: ${code}`),
    );
    expect(free).toEqual([]);
  });

  it('goes with every refused socket handshake (err.data.code), never a bare Error', () => {
    const bare = sources
      .filter(({ text }) => /next\(\s*new Error\(/.test(text))
      .map(({ file }) => file);
    expect(bare).toEqual([]);
    for (const file of ['live/live-hub.ts', 'terminals/terminal-live.ts']) {
      const text = sources.find((s) => s.file === file)?.text ?? '';
      expect(text, file).toContain('handshakeRefusal(');
      expect(text, file).not.toContain('new Error(');
    }
  });
});
