/**
 * Text that reaches people (titles, organs, roster names, reasons) must read as it is stored:
 * no control characters, no bidirectional overrides or isolates (U+202E can make "不满意" print
 * as "意满不" or hide a reversed fragment), no invisible separators, no lone surrogates (which
 * no printer or PDF font can draw and which canonical JSON would carry as is). Pure: the server
 * refuses such input, the consoles can warn while typing.
 */

/** What a forbidden character is, in the words of a refusal. */
export interface UnsafeChar {
  /** `U+202E`. */
  codePoint: string;
  /** Index in UTF-16 code units (the first offending unit). */
  index: number;
  zh: string;
  en: string;
}

const NAMED: Record<number, [string, string]> = {
  0x00: ['空字符', 'NUL'],
  0x09: ['制表符', 'tab'],
  0x0a: ['换行符', 'line feed'],
  0x0d: ['回车符', 'carriage return'],
  0x7f: ['删除控制符', 'DEL'],
  0x061c: ['阿拉伯字母标记', 'Arabic letter mark'],
  0x200b: ['零宽空格', 'zero-width space'],
  0x200c: ['零宽不连字', 'zero-width non-joiner'],
  0x200e: ['从左向右标记', 'left-to-right mark'],
  0x200f: ['从右向左标记', 'right-to-left mark'],
  0x2028: ['行分隔符', 'line separator'],
  0x2029: ['段分隔符', 'paragraph separator'],
  0x202a: ['从左向右嵌入', 'left-to-right embedding'],
  0x202b: ['从右向左嵌入', 'right-to-left embedding'],
  0x202c: ['方向格式结束', 'pop directional formatting'],
  0x202d: ['从左向右覆盖', 'left-to-right override'],
  0x202e: ['从右向左覆盖', 'right-to-left override'],
  0x2066: ['从左向右隔离', 'left-to-right isolate'],
  0x2067: ['从右向左隔离', 'right-to-left isolate'],
  0x2068: ['首强方向隔离', 'first strong isolate'],
  0x2069: ['方向隔离结束', 'pop directional isolate'],
  0xfeff: ['零宽不换行空格（BOM）', 'zero-width no-break space (BOM)'],
  0xfffe: ['非字符', 'noncharacter'],
  0xffff: ['非字符', 'noncharacter'],
};

function describe(cp: number): [string, string] | null {
  const named = NAMED[cp];
  if (named) return named;
  if (cp < 0x20 || (cp >= 0x80 && cp <= 0x9f)) return ['控制字符', 'control character'];
  if (cp >= 0xd800 && cp <= 0xdfff) return ['孤立代理项', 'lone surrogate'];
  return null;
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character of `text` that may not reach people, or null when the text is clean. */
export function firstUnsafeChar(text: string): UnsafeChar | null {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let cp = unit;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
        // Plane 15/16 private use and the last two code points of every plane stay allowed,
        // except the noncharacters U+nFFFE/U+nFFFF.
        if ((cp & 0xfffe) === 0xfffe) {
          return { codePoint: hex(cp), index: i, zh: '非字符', en: 'noncharacter' };
        }
        i++;
        continue;
      }
    }
    const what = describe(cp);
    if (what) return { codePoint: hex(cp), index: i, zh: what[0], en: what[1] };
  }
  return null;
}
