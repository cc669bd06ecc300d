import { shown, type Problem } from './problem';

/**
 * What a document's fields mean together (DOMAIN.md "a profile is data"): options and outcomes
 * named consistently, fractions no larger than the whole, a ladder that always decides. Read
 * from the raw document, so that a document with schema problems still has every problem of
 * meaning named too; a field of the wrong shape is skipped here (the schema names it).
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const whole = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const zhLabel = (o: unknown, fallback: string): string => {
  const label = isObject(o) && isObject(o.label) ? text(o.label.zh) : undefined;
  return label ?? fallback;
};

export function meaningProblems(data: unknown): Problem[] {
  if (!isObject(data)) return [];
  const problems: Problem[] = [];
  const add = (path: string, zh: string, en: string) => problems.push({ path, zh, en });
  const optionSet = isObject(data.optionSet) ? data.optionSet : {};
  const setId = text(optionSet.id) ?? '?';
  const options = list(optionSet.options);
  const keys: string[] = [];

  // Option keys and seat keys: each once (SEAT-PROTOCOLS.md §1: one key chooses one option).
  const keyAt = new Map<string, number>();
  const seatAt = new Map<number, number>();
  options.forEach((o, i) => {
    if (!isObject(o)) return;
    const key = text(o.key);
    if (key !== undefined) {
      keys.push(key);
      const first = keyAt.get(key);
      if (first === undefined) keyAt.set(key, i);
      else
        add(
          `/optionSet/options/${i}/key`,
          `选项键“${key}”重复（与 /optionSet/options/${first}/key 相同）`,
          `option key "${key}" appears twice (as /optionSet/options/${first}/key)`,
        );
    }
    if (whole(o.seatKey)) {
      const first = seatAt.get(o.seatKey);
      if (first === undefined) seatAt.set(o.seatKey, i);
      else
        add(
          `/optionSet/options/${i}/seatKey`,
          `座席按键 ${o.seatKey} 同时对应“${zhLabel(options[first], '?')}”和“${zhLabel(o, '?')}”两个选项`,
          `seat key ${o.seatKey} chooses two options (/optionSet/options/${first} and /optionSet/options/${i})`,
        );
    }
  });
  const knownOption = (key: string) => keyAt.has(key);

  // Outcomes: each id once.
  const outcomes = list(data.outcomes);
  const outcomeIds: string[] = [];
  outcomes.forEach((o, i) => {
    const id = isObject(o) ? text(o.id) : undefined;
    if (id === undefined) return;
    if (outcomeIds.includes(id))
      add(`/outcomes/${i}/id`, `结果“${id}”重复`, `outcome "${id}" appears twice`);
    outcomeIds.push(id);
  });

  // The base: options left out of it must be options, and something must remain.
  if (Array.isArray(data.excludeFromBase)) {
    const seen = new Set<string>();
    data.excludeFromBase.forEach((k, i) => {
      const key = text(k);
      if (key === undefined) return;
      const path = `/excludeFromBase/${i}`;
      if (!knownOption(key))
        add(
          path,
          `不计入基数的选项“${key}”不在选项集 ${setId} 中`,
          `option "${key}" is not in option set ${setId}`,
        );
      else if (seen.has(key)) add(path, `选项“${key}”重复`, `option "${key}" appears twice`);
      seen.add(key);
    });
    if (keys.length > 0 && keys.every((k) => seen.has(k)))
      add(
        '/excludeFromBase',
        '不能把全部选项都排除在基数之外：基数中将没有任何选票',
        'excludeFromBase names every option: no ballot would be left in the base',
      );
  }

  // The ladder: known outcomes, known options, fractions of at most the whole, one final rung.
  const ladder = list(data.ladder);
  const condition = (c: unknown, path: string) => {
    if (!isObject(c)) return;
    const named = new Set<string>();
    list(c.options).forEach((k, i) => {
      const key = text(k);
      if (key === undefined) return;
      if (!knownOption(key))
        add(
          `${path}/options/${i}`,
          `选项“${key}”不在选项集 ${setId} 中（可选：${keys.join('、')}）`,
          `option "${key}" is not in option set ${setId} (options: ${keys.join(', ')})`,
        );
      else if (named.has(key))
        add(
          `${path}/options/${i}`,
          `选项“${key}”在同一条件中重复，其票数会被计算两次`,
          `option "${key}" appears twice in one condition: its ballots would count twice`,
        );
      named.add(key);
    });
    const f = isObject(c.fraction) ? c.fraction : {};
    if (whole(f.num) && whole(f.den) && f.den >= 1 && f.num > f.den)
      add(
        `${path}/fraction`,
        `比例 ${f.num}/${f.den} 大于 1：票数不可能超过基数`,
        `fraction ${f.num}/${f.den} is above 1: no count can exceed its base`,
      );
  };
  ladder.forEach((r, i) => {
    if (!isObject(r)) return;
    const path = `/ladder/${i}`;
    const outcome = text(r.outcome);
    if (outcome !== undefined && Array.isArray(data.outcomes) && !outcomeIds.includes(outcome))
      add(
        `${path}/outcome`,
        `结果“${outcome}”未在 outcomes 中定义（已定义：${outcomeIds.join('、')}）`,
        `outcome "${outcome}" is not defined (outcomes: ${outcomeIds.join(', ')})`,
      );
    const last = i === ladder.length - 1;
    if (last && r.when !== undefined)
      add(
        `${path}/when`,
        `判定阶梯没有最后的“其余情形”一级：最后一级（第 ${i + 1} 级）不应有 when`,
        `the ladder has no final rung: the last rung must have no "when": it is what remains`,
      );
    if (!last && r.when === undefined)
      add(
        `${path}/when`,
        `只有最后一级可以没有 when：第 ${i + 1} 级缺少条件，其后各级永远不会用到`,
        `only the last rung may have no "when": rung ${i} has none, so the rungs after it are never reached`,
      );
    list(r.when).forEach((c, j) => condition(c, `${path}/when/${j}`));
    list(r.confirms).forEach((c, j) => condition(c, `${path}/confirms/${j}`));
  });

  // Every outcome is reachable: it is on some rung.
  if (Array.isArray(data.ladder)) {
    const onRungs = new Set(ladder.map((r) => (isObject(r) ? text(r.outcome) : undefined)));
    outcomes.forEach((o, i) => {
      const id = isObject(o) ? text(o.id) : undefined;
      if (id !== undefined && !onRungs.has(id))
        add(
          `/outcomes/${i}`,
          `结果“${id}”不在判定阶梯的任何一级上，永远不会得出`,
          `outcome "${id}" is on no rung of the ladder`,
        );
    });
  }
  return problems;
}

/** A document naming a format this hall does not read: only that is reported (README). */
export function formatProblem(data: unknown, expected: string): Problem | undefined {
  if (!isObject(data) || data.format === undefined || data.format === expected) return undefined;
  if (typeof data.format !== 'string') return undefined; // the schema names it
  return {
    path: '/format',
    zh: `不支持的格式 ${shown(data.format)}：本系统读取 ${expected} 格式的测评办法文件（较新格式的文件须由较新版本的系统读取）`,
    en: `unsupported format ${shown(data.format)}: this hall reads ${expected} profile documents (a newer format needs a newer hall)`,
  };
}
