import { firstUnsafeChar } from '@hall/shared';
import { invalid } from '../errors';

/** A field of a request in the words of a refusal: `{ zh: '标题', en: 'title' }`. */
export interface FieldName {
  zh: string;
  en: string;
}

export const FIELD = {
  sessionTitle: { zh: '会议名称', en: 'sitting title' },
  itemTitle: { zh: '议程标题', en: 'agenda item title' },
  organ: { zh: '报告机关', en: 'reporting organ' },
  voteTitle: { zh: '测评标题', en: 'vote title' },
  correctionReason: { zh: '更正理由', en: 'reason of the correction' },
  rejectReason: { zh: '退回理由', en: 'reason of the rejection' },
} as const satisfies Record<string, FieldName>;

/**
 * Refuse text that would not read as stored (shared/src/text/unsafe-text.ts): a control
 * character, a bidirectional override, an invisible separator or a lone surrogate, naming the
 * field, the character and its position. Returns the text unchanged when it is clean.
 */
export function requireSafeText(value: string, field: FieldName): string {
  const bad = firstUnsafeChar(value);
  if (!bad) return value;
  throw invalid(
    'UNSAFE_TEXT',
    `${field.zh}第 ${bad.index + 1} 个字符是不允许的${bad.zh}（${bad.codePoint}），请删除后重试 / the ${field.en} contains a forbidden ${bad.en} (${bad.codePoint}) at position ${bad.index + 1}; remove it and try again`,
  );
}
