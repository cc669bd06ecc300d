/**
 * One problem of a profile document, in both languages, named by its JSON path (a JSON Pointer,
 * RFC 6901: `/ladder/2/when/0/fraction`; the whole document is `/`). Shown as `中文 / English`.
 */
export interface Problem {
  path: string;
  zh: string;
  en: string;
}

export const problemMessage = (p: Problem): string => `${p.zh} / ${p.en}`;

/** A value as it appears in a message: short, JSON-quoted. */
export function shown(value: unknown): string {
  if (value === undefined) return '（无）';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** Chinese names of the document's fields, for messages (README "Profile documents"). */
const FIELD_ZH: Record<string, string> = {
  format: '格式',
  id: '标识',
  version: '版本号',
  name: '名称',
  source: '来源',
  title: '标题',
  articles: '条款',
  adopted: '通过时间',
  optionSet: '选项集',
  options: '选项',
  key: '选项键',
  label: '名称',
  seatKey: '座席按键',
  base: '基数',
  excludeFromBase: '不计入基数的选项',
  allowChangeBeforeClose: '闭票前可否改票',
  outcomes: '结果',
  passed: '是否通过',
  followUp: '后续事项',
  action: '后续动作',
  cite: '依据',
  due: '期限',
  kind: '种类',
  months: '月数',
  reevaluate: '是否再次测评',
  onRepeatedFailure: '再次未通过时',
  ladder: '判定阶梯',
  outcome: '结果',
  when: '条件',
  confirms: '印证条件',
  rule: '规则原文',
  comparison: '比较方式',
  fraction: '比例',
  num: '分子',
  den: '分母',
  zh: '中文',
  en: '英文',
};

/** The field a path ends in, as `名称（name）`; an array item as `第 3 项`. */
export function fieldName(path: string): string {
  const segments = path.split('/').filter(Boolean);
  const last = segments[segments.length - 1];
  if (last === undefined) return '文件';
  if (/^\d+$/.test(last)) {
    const parent = segments[segments.length - 2];
    const of = parent ? (FIELD_ZH[parent] ?? parent) : '';
    return `${of}第 ${Number(last) + 1} 项`;
  }
  const zh = FIELD_ZH[last];
  return zh ? `${zh}（${last}）` : last;
}
