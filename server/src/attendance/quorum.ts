import type { Text } from '@hall/shared';
import { meets } from '@hall/shared';
import type { Quorum } from '../config/hall-config';

/**
 * The quorum gate (DOMAIN.md §3: 全体组成人员过半数, `2*present > members`), decided in integers
 * with the same comparison as every threshold of a profile.
 */
export function quorumMet(q: Quorum, present: number, members: number): boolean {
  if (members === 0) return false;
  return meets(present, members, {
    comparison: q.comparison,
    fraction: { num: q.num, den: q.den },
  });
}

/**
 * Why opening a vote is refused, one line, Chinese first (`中文 / English`):
 * `未达法定人数：实到 30 人，全体组成人员 60 人，须过半数出席 / quorum not met: 30 of 60 members
 * present (more than half required)`.
 */
export function quorumNotMet(q: Quorum, present: number, members: number): string {
  const half = q.num * 2 === q.den;
  const zhFrac = chineseFraction(q.num, q.den);
  const enFrac = half ? 'half' : `${q.num}/${q.den}`;
  const zh =
    q.comparison === 'more-than'
      ? half
        ? '须过半数出席'
        : `出席人数须超过全体组成人员的${zhFrac}`
      : `出席人数须达到全体组成人员的${zhFrac}以上`;
  const en = `${q.comparison === 'more-than' ? 'more than' : 'at least'} ${enFrac} required`;
  return `未达法定人数：实到 ${present} 人，全体组成人员 ${members} 人，${zh} / quorum not met: ${present} of ${members} members present (${en})`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 三分之二 for 2/3; digits beyond ten stay as written (`2/13`). */
function chineseFraction(num: number, den: number): string {
  const n = DIGITS[num];
  const d = DIGITS[den];
  return n && d ? `${d}分之${n}` : `${num}/${den}`;
}

export function quorumRule(q: Quorum): Text {
  const half = q.num * 2 === q.den;
  if (half && q.comparison === 'more-than') {
    return { zh: '全体组成人员过半数出席', en: 'more than half of all members present' };
  }
  const frac = `${q.num}/${q.den}`;
  return q.comparison === 'more-than'
    ? { zh: `出席人数超过全体组成人员的${frac}`, en: `more than ${frac} of all members present` }
    : {
        zh: `出席人数达到全体组成人员的${frac}以上`,
        en: `at least ${frac} of all members present`,
      };
}
