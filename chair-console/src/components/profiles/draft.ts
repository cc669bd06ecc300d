import {
  PROFILE_FORMAT,
  checkProfileDocument,
  describeProfile,
  profileDocument,
  type Condition,
  type Profile,
  type ProfileProblem,
  type Text,
} from '@hall/shared';

/**
 * The profile being edited, as a document (shared/src/profile/schema.ts). A number the secretariat
 * has not written as a whole number is kept as NaN, so the check names its path (JSON carries it
 * as null) instead of the editor guessing a value.
 */
export type Draft = Profile;

/** A deep copy of plain JSON-like data (NaN kept as it is). */
export function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as T;
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)])) as T;
  }
  return v;
}

/** A whole number from an input's text, NaN for anything else (the check then names the field). */
export function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

export const numberText = (n: unknown) =>
  typeof n === 'number' && !Number.isNaN(n) ? String(n) : '';

/** `/ladder/1/when/0/fraction` from its parts. */
export const pathOf = (...parts: (string | number)[]) => `/${parts.join('/')}`;

/** `base`, or `base-2`, `base-3`, … : the first not yet in the library. */
export function freeId(base: string, taken: readonly string[]): string {
  const stem = base.slice(0, 64);
  if (!taken.includes(stem)) return stem;
  for (let n = 2; ; n++) {
    const next = `${stem.slice(0, 60)}-${n}`;
    if (!taken.includes(next)) return next;
  }
}

/** The id a copy of `id` is offered under: `<id>-copy` (then `<id>-copy-2`, …). */
export const copyId = (id: string, taken: readonly string[]) => freeId(`${id}-copy`, taken);

/** A copy of `p` as a new profile `id`, version 1: nothing of `p` itself changes. */
export function copyProfile(p: Profile, id: string): Draft {
  const d = clone(p);
  return {
    ...d,
    format: PROFILE_FORMAT,
    id,
    version: 1,
    name: { zh: `${p.name.zh}（副本）`, en: `${p.name.en} (copy)` },
  };
}

/** A new profile to start from: the three levels, 满意 by half of all members, else 不满意. */
export function blankProfile(id: string): Draft {
  return {
    format: PROFILE_FORMAT,
    id,
    version: 1,
    name: { zh: '新测评办法', en: 'New profile' },
    source: { title: '（依据文件）', articles: [], adopted: '' },
    optionSet: {
      id: 'three-level',
      name: { zh: '满意 / 基本满意 / 不满意', en: 'Satisfied / basically satisfied / unsatisfied' },
      options: [
        { key: 'satisfied', label: { zh: '满意', en: 'Satisfied' }, seatKey: 1 },
        {
          key: 'basically-satisfied',
          label: { zh: '基本满意', en: 'Basically satisfied' },
          seatKey: 2,
        },
        { key: 'unsatisfied', label: { zh: '不满意', en: 'Unsatisfied' }, seatKey: 3 },
      ],
    },
    base: 'members',
    allowChangeBeforeClose: false,
    outcomes: [
      { id: 'satisfied', label: { zh: '满意', en: 'Satisfied' }, passed: true, followUp: [] },
      {
        id: 'unsatisfied',
        label: { zh: '不满意', en: 'Unsatisfied' },
        passed: false,
        followUp: [],
      },
    ],
    ladder: [
      {
        outcome: 'satisfied',
        when: [newCondition('satisfied')],
        rule: {
          zh: '满意票达到全体组成人员的半数（含半数）为满意',
          en: 'Satisfied ballots reach half of all members (inclusive): satisfied',
        },
        cite: '',
      },
      {
        outcome: 'unsatisfied',
        rule: { zh: '其余情形为不满意', en: 'Otherwise: unsatisfied' },
        cite: '',
      },
    ],
  };
}

export function newCondition(option: string | undefined): Condition {
  return {
    options: option ? [option] : [],
    comparison: 'at-least',
    fraction: { num: 1, den: 2 },
  };
}

/** The document as it is saved and exported: the format first (profileDocument). */
export function documentOf(d: Draft): Profile {
  return profileDocument(d);
}

/** Whether `data` has the shape the editor can show (the check names whatever else is wrong). */
export function editable(data: unknown): data is Draft {
  const o = data as Record<string, unknown> | null;
  const obj = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!obj(o) || !obj(o!.name) || !obj(o!.source) || !obj(o!.optionSet)) return false;
  const set = o!.optionSet as Record<string, unknown>;
  if (!obj(set.name) || !Array.isArray(set.options) || !set.options.every(obj)) return false;
  if (!Array.isArray(o!.outcomes) || !Array.isArray(o!.ladder)) return false;
  const outcomes = o!.outcomes as Record<string, unknown>[];
  const ladder = o!.ladder as Record<string, unknown>[];
  return (
    outcomes.every((x) => obj(x) && obj(x.label) && Array.isArray(x.followUp)) &&
    ladder.every(
      (r) =>
        obj(r) &&
        obj(r.rule) &&
        (r.when === undefined ||
          (Array.isArray(r.when) &&
            (r.when as unknown[]).every(
              (c) =>
                obj(c) && Array.isArray((c as Condition).options) && obj((c as Condition).fraction),
            ))),
    ) &&
    (set.options as Record<string, unknown>[]).every((x) => obj(x.label))
  );
}

export interface LocalCheck {
  valid: boolean;
  problems: ProfileProblem[];
  /** The rule read back in this browser (describeProfile), when the document is sound. */
  rules: Text[] | null;
}

/** The instant check in the browser; the hall server's check (POST /api/profiles/check) decides. */
export function checkLocally(d: Draft): LocalCheck {
  const doc = documentOf(d);
  let check: { valid: boolean; problems: ProfileProblem[] };
  try {
    check = checkProfileDocument(JSON.parse(JSON.stringify(doc)));
  } catch (e) {
    return { valid: false, problems: [{ path: '/', message: String(e) }], rules: null };
  }
  let rules: Text[] | null = null;
  if (check.valid) {
    try {
      rules = describeProfile(doc);
    } catch {
      rules = null;
    }
  }
  return { ...check, rules };
}

/** Rename an option key everywhere it is named (conditions, excludeFromBase). */
export function renameOption(d: Draft, from: string, to: string) {
  for (const rung of d.ladder) {
    for (const c of [...(rung.when ?? []), ...(rung.confirms ?? [])]) {
      c.options = c.options.map((k) => (k === from ? to : k));
    }
  }
  if (d.excludeFromBase) d.excludeFromBase = d.excludeFromBase.map((k) => (k === from ? to : k));
}

/** Rename an outcome id in every rung that decides it. */
export function renameOutcome(d: Draft, from: string, to: string) {
  for (const rung of d.ladder) if (rung.outcome === from) rung.outcome = to;
}

/** Move item `i` of `list` by `by` places (within bounds). */
export function move<T>(list: T[], i: number, by: number) {
  const j = i + by;
  if (j < 0 || j >= list.length) return;
  const [x] = list.splice(i, 1);
  list.splice(j, 0, x!);
}
