import { describe, expect, it } from 'vitest';
import { firstUnsafeChar } from './unsafe-text';

describe('firstUnsafeChar', () => {
  it('lets Chinese, English, digits, full-width punctuation and emoji through', () => {
    for (const ok of [
      '关于全省生态环境保护工作情况的报告',
      '省人民政府（含各厅局）· 2026年',
      'Report on "A & B" <1>',
      '张三丰',
      '满意👍',
      '𠮷野家', // a supplementary-plane Han character (surrogate pair)
    ]) {
      expect(firstUnsafeChar(ok), ok).toBeNull();
    }
  });

  it.each([
    ['\u0000', 'U+0000', 'NUL'],
    ['\t', 'U+0009', 'tab'],
    ['\n', 'U+000A', 'line feed'],
    ['\r', 'U+000D', 'carriage return'],
    ['\u001b', 'U+001B', 'control character'],
    ['\u007f', 'U+007F', 'DEL'],
    ['\u0085', 'U+0085', 'control character'],
    ['\u202e', 'U+202E', 'right-to-left override'],
    ['\u202d', 'U+202D', 'left-to-right override'],
    ['\u2066', 'U+2066', 'left-to-right isolate'],
    ['\u2069', 'U+2069', 'pop directional isolate'],
    ['\u200f', 'U+200F', 'right-to-left mark'],
    ['\u200b', 'U+200B', 'zero-width space'],
    ['\ufeff', 'U+FEFF', 'zero-width no-break space (BOM)'],
    ['\u2028', 'U+2028', 'line separator'],
    ['\ud800', 'U+D800', 'lone surrogate'],
    ['\udc00', 'U+DC00', 'lone surrogate'],
    ['\uffff', 'U+FFFF', 'noncharacter'],
  ])('refuses %j as %s (%s), naming where it is', (bad, codePoint, en) => {
    const text = `报告${bad}标题`;
    expect(firstUnsafeChar(text)).toMatchObject({ codePoint, en, index: 2 });
  });

  it('finds a lone high surrogate at the very end and a reversed pair', () => {
    expect(firstUnsafeChar('报告\ud83d')).toMatchObject({ codePoint: 'U+D83D', index: 2 });
    expect(firstUnsafeChar('\ude00\ud83d')).toMatchObject({ codePoint: 'U+DE00', index: 0 });
  });

  it('refuses supplementary-plane noncharacters', () => {
    expect(firstUnsafeChar('a\u{1fffe}')).toMatchObject({ codePoint: 'U+1FFFE', index: 1 });
  });
});
