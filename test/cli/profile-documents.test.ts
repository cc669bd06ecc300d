import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Profile, Text } from '@hall/shared';
import { hallCli } from '../support/hall-cli';
import { REPO_ROOT } from '../support/paths';

/**
 * Issue 14 acceptance, through the real built CLI (`npm run -s hall -- …`): the output of
 * `profile show anhui-2013 --json`, edited consistently (thresholds, options, outcomes) into each
 * of the other evaluation forms, is the example document in docs/profiles/, passes `profile
 * validate`, and `tally --profile-file` decides it at every boundary. `profile validate` names
 * the path of each problem the issue lists.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'hall-profile-docs-'));
const write = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
};

let shown: Profile;
const edit = (): Profile => structuredClone(shown);

beforeAll(async () => {
  const run = await hallCli(['profile', 'show', 'anhui-2013', '--json']);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  shown = JSON.parse(run.stdout) as Profile;
});

// ---- the edits a secretariat makes to the printed document --------------------------------

const T = (zh: string, en: string): Text => ({ zh, en });

function asExample(p: Profile, id: string, name: Text, title: string): void {
  p.id = id;
  p.version = 1;
  p.name = name;
  p.source = { title: `示例：${title}`, articles: ['示例'], adopted: '示例' };
  for (const o of p.outcomes)
    for (const f of o.followUp) {
      f.cite = '示例';
      if (f.onRepeatedFailure) f.onRepeatedFailure.cite = '示例';
    }
  for (const r of p.ladder) r.cite = '示例';
}

function rules(p: Profile, ...texts: [string, string][]): void {
  p.ladder.forEach((rung, i) => (rung.rule = T(...texts[i]!)));
}

function withAbstain(p: Profile): void {
  p.optionSet = {
    id: 'four-level-abstain',
    name: T(
      '满意 / 基本满意 / 不满意 / 弃权',
      'Satisfied / basically satisfied / unsatisfied / abstain',
    ),
    options: [...p.optionSet.options, { key: 'abstain', label: T('弃权', 'Abstain'), seatKey: 4 }],
  };
}

function strict(p: Profile): void {
  for (const r of p.ladder) for (const c of r.when ?? []) c.comparison = 'more-than';
}

const FORMS: Record<string, () => Profile> = {
  'example-abstain-counted': () => {
    const p = edit();
    withAbstain(p);
    p.base = 'valid';
    strict(p);
    asExample(
      p,
      'example-abstain-counted',
      T('示例：四项测评（弃权票计入基数）', 'Example: four options, abstain counted in the base'),
      '满意、基本满意、不满意、弃权四项测评，弃权票计入有效票基数',
    );
    rules(
      p,
      [
        '满意票超过有效票半数的，为满意',
        'Satisfied ballots more than half of the valid ballots: satisfied',
      ],
      [
        '满意票不超过有效票半数，但与基本满意票之和超过有效票半数的，为基本满意',
        'Satisfied at most half, but satisfied plus basically satisfied more than half of the valid ballots: basically satisfied',
      ],
      [
        '满意票与基本满意票之和不超过有效票半数的，为不满意',
        'Satisfied plus basically satisfied at most half of the valid ballots: unsatisfied',
      ],
    );
    return p;
  },
  'example-abstain-excluded': () => {
    const p = edit();
    withAbstain(p);
    p.base = 'valid';
    p.excludeFromBase = ['abstain'];
    strict(p);
    asExample(
      p,
      'example-abstain-excluded',
      T(
        '示例：四项测评（弃权票不计入基数）',
        'Example: four options, abstain not counted in the base',
      ),
      '满意、基本满意、不满意、弃权四项测评，弃权票不计入基数',
    );
    rules(
      p,
      [
        '满意票超过有效票（不含弃权票）半数的，为满意',
        'Satisfied ballots more than half of the valid ballots other than abstentions: satisfied',
      ],
      [
        '满意票不超过半数，但与基本满意票之和超过有效票（不含弃权票）半数的，为基本满意',
        'Satisfied at most half, but satisfied plus basically satisfied more than half of the valid ballots other than abstentions: basically satisfied',
      ],
      [
        '满意票与基本满意票之和不超过有效票（不含弃权票）半数的，为不满意',
        'Satisfied plus basically satisfied at most half of the valid ballots other than abstentions: unsatisfied',
      ],
    );
    return p;
  },
  'example-half-excluded': () => {
    const p = edit();
    strict(p);
    asExample(
      p,
      'example-half-excluded',
      T('示例：过半数（不含半数）', 'Example: more than half (half excluded)'),
      '满意票、满意票与基本满意票之和均须超过全体组成人员半数，不足半数（含半数）为不满意',
    );
    rules(
      p,
      [
        '满意票超过全体组成人员半数的，为满意',
        'Satisfied ballots more than half of all members: satisfied',
      ],
      [
        '满意票不足半数（含半数），但与基本满意票之和超过全体组成人员半数的，为基本满意',
        'Satisfied at most half, but satisfied plus basically satisfied more than half of all members: basically satisfied',
      ],
      [
        '满意票与基本满意票之和不足全体组成人员半数（含半数）的，为不满意',
        'Satisfied plus basically satisfied at most half of all members (half included): unsatisfied',
      ],
    );
    return p;
  },
  'example-two-thirds': () => {
    const p = edit();
    for (const r of p.ladder) for (const c of r.when ?? []) c.fraction = { num: 2, den: 3 };
    asExample(
      p,
      'example-two-thirds',
      T('示例：三分之二以上', 'Example: two thirds or more'),
      '满意票达到全体组成人员三分之二以上（含三分之二）为满意',
    );
    rules(
      p,
      [
        '满意票达到全体组成人员三分之二以上（含三分之二）的，为满意',
        'Satisfied ballots at two thirds of all members or more: satisfied',
      ],
      [
        '满意票不足三分之二，但与基本满意票之和达到全体组成人员三分之二以上的，为基本满意',
        'Satisfied below two thirds, but satisfied plus basically satisfied at two thirds or more: basically satisfied',
      ],
      [
        '满意票与基本满意票之和不足全体组成人员三分之二的，为不满意',
        'Satisfied plus basically satisfied below two thirds of all members: unsatisfied',
      ],
    );
    return p;
  },
  'example-returned': () => {
    const p = edit();
    p.base = 'returned';
    strict(p);
    asExample(
      p,
      'example-returned',
      T('示例：以收回票为基数', 'Example: ballots returned as the base'),
      '以收回票（有效票与无效票）为基数，满意票超过半数为满意',
    );
    rules(
      p,
      [
        '满意票超过收回票（有效票与无效票）半数的，为满意',
        'Satisfied ballots more than half of the ballots returned (valid and invalid): satisfied',
      ],
      [
        '满意票不超过收回票半数，但与基本满意票之和超过收回票半数的，为基本满意',
        'Satisfied at most half, but satisfied plus basically satisfied more than half of the ballots returned: basically satisfied',
      ],
      [
        '满意票与基本满意票之和不超过收回票半数的，为不满意',
        'Satisfied plus basically satisfied at most half of the ballots returned: unsatisfied',
      ],
    );
    return p;
  },
};

// ---- the boundaries, each worked by hand ------------------------------------------------------

/** [members, present, counts, invalid, outcome] */
type Case = [number, number, string, number, string];

const BOUNDARIES: Record<string, Case[]> = {
  // more than half of the valid ballots, 弃权 among them: v = 40 (half 20), v = 41 (half 20.5)
  'example-abstain-counted': [
    [60, 50, 'satisfied=20,unsatisfied=16,abstain=4', 0, 'unsatisfied'],
    [60, 50, 'satisfied=21,unsatisfied=15,abstain=4', 0, 'satisfied'],
    [60, 50, 'satisfied=10,basically-satisfied=10,unsatisfied=16,abstain=4', 0, 'unsatisfied'],
    [
      60,
      50,
      'satisfied=10,basically-satisfied=11,unsatisfied=15,abstain=4',
      0,
      'basically-satisfied',
    ],
    [60, 50, 'satisfied=20,unsatisfied=17,abstain=4', 0, 'unsatisfied'],
    [60, 50, 'satisfied=21,unsatisfied=16,abstain=4', 0, 'satisfied'],
    [60, 50, 'satisfied=19,abstain=19', 2, 'unsatisfied'],
  ],
  // the same ballots with 弃权 out of the base: 36 (half 18), 37 (half 18.5), 19 of 19
  'example-abstain-excluded': [
    [60, 50, 'satisfied=18,unsatisfied=18,abstain=4', 0, 'unsatisfied'],
    [60, 50, 'satisfied=19,unsatisfied=17,abstain=4', 0, 'satisfied'],
    [60, 50, 'satisfied=9,basically-satisfied=9,unsatisfied=18,abstain=4', 0, 'unsatisfied'],
    [
      60,
      50,
      'satisfied=9,basically-satisfied=10,unsatisfied=17,abstain=4',
      0,
      'basically-satisfied',
    ],
    [60, 50, 'satisfied=18,unsatisfied=19,abstain=3', 0, 'unsatisfied'],
    [60, 50, 'satisfied=19,unsatisfied=18,abstain=3', 0, 'satisfied'],
    [60, 50, 'satisfied=19,abstain=19', 2, 'satisfied'],
    [60, 50, 'abstain=40', 0, 'unsatisfied'],
  ],
  // more than half of all members: 60 (half 30), 61 (half 30.5)
  'example-half-excluded': [
    [60, 60, 'satisfied=30,unsatisfied=30', 0, 'unsatisfied'],
    [60, 60, 'satisfied=31,unsatisfied=29', 0, 'satisfied'],
    [60, 60, 'satisfied=15,basically-satisfied=15,unsatisfied=30', 0, 'unsatisfied'],
    [60, 60, 'satisfied=15,basically-satisfied=16,unsatisfied=29', 0, 'basically-satisfied'],
    [60, 60, 'satisfied=30,basically-satisfied=1,unsatisfied=29', 0, 'basically-satisfied'],
    [61, 61, 'satisfied=30,unsatisfied=31', 0, 'unsatisfied'],
    [61, 61, 'satisfied=31,unsatisfied=30', 0, 'satisfied'],
    [61, 61, 'satisfied=15,basically-satisfied=15,unsatisfied=31', 0, 'unsatisfied'],
    [61, 61, 'satisfied=15,basically-satisfied=16,unsatisfied=30', 0, 'basically-satisfied'],
  ],
  // two thirds of all members, included: 60 (40), 61 (40.67), 62 (41.33)
  'example-two-thirds': [
    [60, 60, 'satisfied=39,unsatisfied=21', 0, 'unsatisfied'],
    [60, 60, 'satisfied=40,unsatisfied=20', 0, 'satisfied'],
    [60, 60, 'satisfied=39,basically-satisfied=1,unsatisfied=20', 0, 'basically-satisfied'],
    [61, 61, 'satisfied=40,unsatisfied=21', 0, 'unsatisfied'],
    [61, 61, 'satisfied=41,unsatisfied=20', 0, 'satisfied'],
    [61, 61, 'satisfied=20,basically-satisfied=20,unsatisfied=21', 0, 'unsatisfied'],
    [61, 61, 'satisfied=20,basically-satisfied=21,unsatisfied=20', 0, 'basically-satisfied'],
    [62, 62, 'satisfied=41,unsatisfied=21', 0, 'unsatisfied'],
    [62, 62, 'satisfied=42,unsatisfied=20', 0, 'satisfied'],
  ],
  // more than half of the ballots returned (valid + invalid): 40 (half 20), 41 (half 20.5)
  'example-returned': [
    [60, 50, 'satisfied=20,unsatisfied=18', 2, 'unsatisfied'],
    [60, 50, 'satisfied=21,unsatisfied=17', 2, 'satisfied'],
    [60, 50, 'satisfied=10,basically-satisfied=10,unsatisfied=18', 2, 'unsatisfied'],
    [60, 50, 'satisfied=10,basically-satisfied=11,unsatisfied=17', 2, 'basically-satisfied'],
    [60, 50, 'satisfied=20,unsatisfied=19', 2, 'unsatisfied'],
    [60, 50, 'satisfied=21,unsatisfied=18', 2, 'satisfied'],
    [60, 50, 'satisfied=20,unsatisfied=18', 1, 'satisfied'],
  ],
};

describe('profile show output, edited into each other form, through the real CLI', () => {
  it.each(Object.keys(FORMS))('%s', async (id) => {
    const doc = FORMS[id]!();
    // the edit is exactly the example document of docs/profiles/
    const example = JSON.parse(
      readFileSync(path.join(REPO_ROOT, `docs/profiles/${id}.json`), 'utf8'),
    );
    expect(doc).toEqual(example);
    const file = write(`${id}.json`, doc);
    const check = await hallCli(['profile', 'validate', file, '--json']);
    expect(check).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(check.stdout)).toEqual({ valid: true, problems: [] });
    const cases = BOUNDARIES[id]!;
    const runs = await Promise.all(
      cases.map(([members, present, counts, invalid]) =>
        hallCli([
          'tally',
          '--profile-file',
          file,
          '--members',
          String(members),
          '--present',
          String(present),
          '--counts',
          counts,
          '--invalid',
          String(invalid),
          '--json',
        ]),
      ),
    );
    runs.forEach((run, i) => {
      const [members, present, counts, invalid, outcome] = cases[i]!;
      expect(run.stderr, counts).toBe('');
      expect(run.code, counts).toBe(0);
      const out = JSON.parse(run.stdout);
      expect(out, `${members}/${present} ${counts} invalid ${invalid}`).toMatchObject({
        profile: id,
        outcome,
        members,
        present,
        invalid,
      });
    });
  });
});

describe('profile validate rejects, naming the path (real CLI)', () => {
  it.each<[string, (p: Profile) => void, string]>([
    ['an outcome with no rung', (p) => p.ladder.splice(1, 1), '/outcomes/1'],
    [
      'a rung naming an unknown option',
      (p) => (p.ladder[1]!.when![0]!.options = ['satisfied', 'abstain']),
      '/ladder/1/when/0/options/1',
    ],
    [
      'a fraction above 1',
      (p) => (p.ladder[0]!.when![0]!.fraction = { num: 3, den: 2 }),
      '/ladder/0/when/0/fraction',
    ],
    [
      'duplicate seat keys',
      (p) => (p.optionSet.options[2]!.seatKey = 1),
      '/optionSet/options/2/seatKey',
    ],
    [
      'a ladder with no final rung',
      (p) => (p.ladder[2]!.when = [{ ...p.ladder[1]!.when![0]!, options: ['unsatisfied'] }]),
      '/ladder/2/when',
    ],
  ])('%s', async (what, mutate, where) => {
    const doc = edit();
    mutate(doc);
    const run = await hallCli([
      'profile',
      'validate',
      write(`bad-${where.replace(/\//g, '_')}.json`, doc),
      '--json',
    ]);
    expect(run.code, what).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.valid).toBe(false);
    expect(out.problems.map((p: { path: string }) => p.path)).toEqual([where]);
    expect(out.problems[0].message).toMatch(/^\p{Script=Han}.* \/ [a-z]/u);
    expect(run.stderr.split('\n')[0]).toBe(`${where}: ${out.problems[0].message}`);
    // the same document is refused by tally --profile-file, naming the same path
    const tally = await hallCli([
      'tally',
      '--profile-file',
      write(`bad-tally-${where.replace(/\//g, '_')}.json`, doc),
      '--members',
      '60',
      '--present',
      '60',
      '--counts',
      'satisfied=30',
      '--json',
    ]);
    expect(tally).toMatchObject({ code: 1, stdout: '' });
    expect(tally.stderr).toContain(`${where}：`);
  });
});
