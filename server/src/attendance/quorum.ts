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
