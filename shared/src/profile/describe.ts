import type { Text } from '../i18n';
import { BASE_WORDS, fractionWords } from '../tally/words';
import type { Condition, Profile, Rung } from './schema';

/**
 * The rule of a profile read back in words, one line per rung of the ladder, Chinese first:
 * "满意票达到全体组成人员的半数（含半数）为满意". Generated from the conditions (never from the
 * rung's own `rule` text), so a secretariat sees what the numbers say, not what was meant.
 *
 * The comparison words are the legal ones (民法典 第1259条): `at-least` is 达到 … （含…）,
 * `more-than` is 超过 … （不含…）. Options left out of the base are named after each rung that
 * measures against a base: "（弃权票不计入基数）".
 */
export function describeProfile(p: Profile): Text[] {
  return p.ladder.map((rung) => describeRung(p, rung));
}

/** `Satisfied` stays as written at the start of a line; later in a line it is `satisfied`. */
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** 满意 → 满意票 (a label already ending in 票 keeps it). */
const ballotsZh = (label: string) => (label.endsWith('票') ? label : `${label}票`);

function labels(p: Profile, keys: readonly string[]): Text[] {
  return keys.map((k) => p.optionSet.options.find((o) => o.key === k)?.label ?? { zh: k, en: k });
}

/** A list in words: `A与B`, `A、B与C`; `A and B`, `A, B and C`. */
function joined(items: readonly string[], zhAnd: boolean): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1).join(zhAnd ? '、' : ', ');
  return `${head}${zhAnd ? '与' : ' and '}${items[items.length - 1]}`;
}

/** The ballots counted by a condition: 满意票 / 满意票与基本满意票之和. */
function counted(p: Profile, keys: readonly string[]): Text {
  const ls = labels(p, keys);
  const zhItems = ls.map((l) => ballotsZh(l.zh));
  const enItems = ls.map((l, i) => (i === 0 ? l.en : lower(l.en)));
  if (ls.length === 1) return { zh: zhItems[0]!, en: `${enItems[0]} ballots` };
  return {
    zh: `${joined(zhItems, true)}之和`,
    en: `${joined(enItems, false)} ballots together`,
  };
}

function describeCondition(p: Profile, c: Condition, first: boolean): Text {
  const who = counted(p, c.options);
  const base = BASE_WORDS[c.base ?? p.base];
  const f = fractionWords(c.fraction);
  const inclusive = c.comparison === 'at-least';
  const zh = `${who.zh}${inclusive ? '达到' : '超过'}${base.zh}的${f.zh}（${inclusive ? '含' : '不含'}${f.zh}）`;
  const en = `${first ? who.en : lower(who.en)} ${inclusive ? 'at least' : 'more than'} ${f.en} of ${base.en}`;
  return { zh, en };
}

function describeConditions(p: Profile, cs: readonly Condition[]): Text {
  const parts = cs.map((c, i) => describeCondition(p, c, i === 0));
  return {
    zh: parts.map((t) => t.zh).join('，且'),
    en: parts.map((t) => t.en).join(', and '),
  };
}

/** "（弃权票不计入基数）" when the profile leaves options out of its base. */
function exclusion(p: Profile): Text {
  const keys = p.excludeFromBase ?? [];
  if (keys.length === 0) return { zh: '', en: '' };
  const ls = labels(p, keys);
  const en = joined(
    ls.map((l) => lower(l.en)),
    false,
  );
  return {
    zh: `（${ls.map((l) => ballotsZh(l.zh)).join('、')}不计入基数）`,
    en: ` (${en} ballots not counted in the base)`,
  };
}

function describeRung(p: Profile, rung: Rung): Text {
  const outcome = p.outcomes.find((o) => o.id === rung.outcome)?.label ?? {
    zh: rung.outcome,
    en: rung.outcome,
  };
  const confirms = rung.confirms
    ? (() => {
        const t = describeConditions(p, rung.confirms);
        return { zh: `，此时${t.zh}`, en: `; then ${lower(t.en)}` };
      })()
    : { zh: '', en: '' };
  if (!rung.when) {
    const zh = `其余情形为${outcome.zh}${confirms.zh}`;
    const en = `Otherwise: ${lower(outcome.en)}${confirms.en}`;
    const x = rung.confirms ? exclusion(p) : { zh: '', en: '' };
    return { zh: zh + x.zh, en: en + x.en };
  }
  const when = describeConditions(p, rung.when);
  const x = exclusion(p);
  return {
    zh: `${when.zh}为${outcome.zh}${confirms.zh}${x.zh}`,
    en: `${when.en}: ${lower(outcome.en)}${confirms.en}${x.en}`,
  };
}
