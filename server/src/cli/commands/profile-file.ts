import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseProfileDocument, type Profile } from '@hall/shared';
import { RefusedError } from '../errors';
import type { CliIo } from '../io';

/** A file's text as UTF-8 (a byte-order mark, as Windows editors write it, is dropped). */
export function readUtf8File(io: CliIo, name: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.resolve(io.cwd, name));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new RefusedError(`无法读取 ${name}（${code}） / cannot read ${name}: ${code}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RefusedError(
      `${name} 不是 UTF-8 编码的文件（请以 UTF-8 保存） / ${name} is not UTF-8 (save it as UTF-8)`,
    );
  }
  return text.replace(/^\uFEFF/, '');
}

export type JsonRead = { ok: true; data: unknown } | { ok: false; reason: string };

/** The JSON in a text, or why it is not JSON (`中文 / English`). */
export function parseJson(text: string): JsonRead {
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (e) {
    const why = (e as Error).message.replace(/\s+/g, ' ');
    return { ok: false, reason: `不是 JSON 文件：${why} / not JSON: ${why}` };
  }
}

/**
 * `--profile-file <file>`: the profile document in `<file>` (README "Profile documents"),
 * refused when it cannot be read, is not JSON, or has any problem (all of them named, each by
 * its JSON path, on one line).
 */
export function readProfileDocument(io: CliIo, name: string): Profile {
  const json = parseJson(readUtf8File(io, name));
  if (!json.ok) throw new RefusedError(`${name}：${json.reason}`);
  return parseProfileDocument(json.data);
}
