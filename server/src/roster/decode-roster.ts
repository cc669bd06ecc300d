import { invalid } from '../errors';

/** The text encodings a roster CSV may come in (issue 13): what Excel and WPS save. */
export type RosterEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Decode the bytes of a roster CSV, detecting the encoding: a UTF-8 BOM → UTF-8 (BOM stripped);
 * valid UTF-8 → UTF-8; otherwise GB18030 (a superset of GBK and GB2312: Excel's "CSV (逗号分隔)"
 * on a Chinese Windows). Throws ROSTER_INVALID naming the line and byte offset when the bytes
 * are neither (or claim UTF-8 with a BOM and are not). The order is safe: GBK text with Chinese
 * in it is (almost) never valid UTF-8, and ASCII is the same in both.
 */
export function decodeRosterText(bytes: Uint8Array): { text: string; encoding: RosterEncoding } {
  const bom = BOM.every((b, i) => bytes[i] === b);
  const utf8 = tryDecode('utf-8', bom ? bytes.subarray(3) : bytes);
  if (utf8 !== null) return { text: stripBom(utf8), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  if (bom) {
    const at = firstBadByte('utf-8', bytes, 3);
    throw invalid(
      'ROSTER_INVALID',
      `名单文件以 UTF-8 标记（BOM）开头，但第 ${at.line} 行（第 ${at.offset} 字节）不是有效的 UTF-8 / ` +
        `roster: starts with a UTF-8 BOM but is not valid UTF-8 at line ${at.line} (byte offset ${at.offset})`,
    );
  }
  const gb = tryDecode('gb18030', bytes);
  if (gb !== null) return { text: stripBom(gb), encoding: 'gb18030' };
  const at = firstBadByte('gb18030', bytes, 0);
  throw invalid(
    'ROSTER_INVALID',
    `名单文件既不是 UTF-8 也不是 GB18030（GBK）编码：第 ${at.line} 行（第 ${at.offset} 字节）无法识别，请另存为“CSV UTF-8”或 XLSX / ` +
      `roster: neither UTF-8 nor GB18030 (GBK) text: cannot decode line ${at.line} (byte offset ${at.offset}); save it as "CSV UTF-8" or XLSX`,
  );
}

function tryDecode(encoding: 'utf-8' | 'gb18030', bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

const stripBom = (text: string) => (text.startsWith('\uFEFF') ? text.slice(1) : text);

/**
 * The first byte the decoder refuses (0-based offset in the file) and its line (1-based). A line
 * break (0x0a) is never part of a multi-byte character in UTF-8 or GB18030, so lines are split
 * on it first and only the bad line is walked byte by byte.
 */
function firstBadByte(
  encoding: 'utf-8' | 'gb18030',
  bytes: Uint8Array,
  from: number,
): { line: number; offset: number } {
  let start = from;
  let line = 1;
  for (let i = from; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    if (tryDecode(encoding, bytes.subarray(start, i)) === null) {
      const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
      for (let j = start; j < i; j++) {
        try {
          decoder.decode(bytes.subarray(j, j + 1), { stream: true });
        } catch {
          return { line, offset: j };
        }
      }
      return { line, offset: Math.max(start, i - 1) }; // a character cut off at the line end
    }
    start = i + 1;
    line++;
  }
  return { line, offset: bytes.length };
}
