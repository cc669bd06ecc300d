import { describe, expect, it } from 'vitest';
import { DomainError, DomainErrorCode } from '../errors';
import { checkProfileDocument, parseProfileDocument, profileDocument } from './document';
import type { Profile } from './schema';
import { anhui2013, SEED_PROFILES } from './seeds/index';
import { validateProfile } from './validate';

/** `profile show anhui-2013 --json` as a secretariat would start editing it. */
const shown = (): Profile => JSON.parse(JSON.stringify(profileDocument(anhui2013)));

function problems(mutate: (p: Profile & Record<string, unknown>) => void) {
  const p = shown() as Profile & Record<string, unknown>;
  mutate(p);
  return checkProfileDocument(p).problems;
}

const CHINESE_FIRST = /^[^/]*[\u4e00-\u9fff][^]* \/ [A-Za-z"]/;

describe('profile documents (CONTRACT.md §1)', () => {
  it.each(SEED_PROFILES.map((p) => [p.id, p] as const))(
    '%s as a document: the format first, valid, and read back unchanged',
    (_id, p) => {
      const doc = JSON.parse(JSON.stringify(profileDocument(p)));
      expect(Object.keys(doc)[0]).toBe('format');
      expect(doc.format).toBe('hall-profile/1');
      expect(checkProfileDocument(doc)).toEqual({ valid: true, problems: [] });
      const { format: _f, ...rest } = parseProfileDocument(doc);
      expect(rest).toEqual(p);
    },
  );

  it('a document without a format (a profile sealed before formats were named) is accepted', () => {
    const { format: _f, ...old } = shown();
    expect(checkProfileDocument(old).valid).toBe(true);
  });

  it('a newer format is not read: its one problem names the format', () => {
    const r = checkProfileDocument({ ...shown(), format: 'hall-profile/2', ladder: 'whatever' });
    expect(r.valid).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.path).toBe('/format');
    expect(r.problems[0]!.message).toMatch(
      /^不支持的格式 "hall-profile\/2".* \/ unsupported format/,
    );
    expect(checkProfileDocument({ ...shown(), format: 1 }).problems[0]).toMatchObject({
      path: '/format',
      message: expect.stringMatching(/格式应为“hall-profile\/1”/),
    });
  });

  it.each([null, [], 'profile', 3])('%j is not a document: one problem at /', (data) => {
    const r = checkProfileDocument(data);
    expect(r.valid).toBe(false);
    expect(r.problems.map((p) => p.path)).toEqual(['/']);
    expect(r.problems[0]!.message).toMatch(/^文件应为对象/);
  });

  it('names EVERY problem of a document, each by its JSON path, Chinese first', () => {
    const found = problems((p) => {
      p.extra = 1;
      delete (p as Partial<Profile>).name;
      p.base = 'everyone' as Profile['base'];
      p.optionSet.options[1]!.seatKey = 1;
      p.optionSet.options[2]!.key = 'satisfied';
      p.excludeFromBase = ['nope'];
      p.ladder[0]!.when![0]!.fraction = { num: 3, den: 2 };
      p.ladder[0]!.when![0]!.options = ['abstain'];
      p.ladder[1]!.outcome = 'great';
      p.ladder[1]!.when![0]!.fraction.den = 0;
      p.outcomes[2]!.followUp[0]!.due = { kind: 'months' } as never;
    });
    expect(found.map((p) => p.path).sort()).toEqual(
      [
        '/name',
        '/extra',
        '/base',
        '/outcomes/2/followUp/0/due/months',
        '/ladder/1/when/0/fraction/den',
        '/optionSet/options/1/seatKey',
        '/optionSet/options/2/key',
        '/excludeFromBase/0',
        '/ladder/0/when/0/options/0',
        '/ladder/0/when/0/fraction',
        '/ladder/1/outcome',
        '/outcomes/1',
      ].sort(),
    );
    for (const p of found) expect(p.message).toMatch(CHINESE_FIRST);
    // one problem per path: a missing field is not also "not an object"
    expect(found.filter((p) => p.path === '/name')).toHaveLength(1);
  });

  it.each<[string, (p: Profile & Record<string, unknown>) => void, string, RegExp]>([
    [
      'an outcome with no rung',
      (p) => p.ladder.splice(1, 1),
      '/outcomes/1',
      /^结果“basically-satisfied”不在判定阶梯的任何一级上.* \/ outcome "basically-satisfied" is on no rung/,
    ],
    [
      'a rung naming an unknown outcome',
      (p) => p.ladder.unshift({ ...p.ladder[0]!, outcome: 'excellent' }),
      '/ladder/0/outcome',
      /^结果“excellent”未在 outcomes 中定义（已定义：satisfied、basically-satisfied、unsatisfied） \/ outcome "excellent" is not defined/,
    ],
    [
      'a rung naming an unknown option',
      (p) => (p.ladder[1]!.when![0]!.options = ['satisfied', 'abstain']),
      '/ladder/1/when/0/options/1',
      /^选项“abstain”不在选项集 three-level 中/,
    ],
    [
      'a confirming condition naming an unknown option',
      (p) =>
        (p.ladder[2]!.confirms = [
          { options: ['no'], comparison: 'at-least', fraction: { num: 1, den: 2 } },
        ]),
      '/ladder/2/confirms/0/options/0',
      /^选项“no”不在选项集/,
    ],
    [
      'an option counted twice in one condition',
      (p) => (p.ladder[1]!.when![0]!.options = ['satisfied', 'satisfied']),
      '/ladder/1/when/0/options/1',
      /重复，其票数会被计算两次/,
    ],
    [
      'a fraction above 1',
      (p) => (p.ladder[0]!.when![0]!.fraction = { num: 3, den: 2 }),
      '/ladder/0/when/0/fraction',
      /^比例 3\/2 大于 1.* \/ fraction 3\/2 is above 1/,
    ],
    [
      'duplicate option keys',
      (p) => (p.optionSet.options[2]!.key = 'basically-satisfied'),
      '/optionSet/options/2/key',
      /^选项键“basically-satisfied”重复/,
    ],
    [
      'duplicate seat keys',
      (p) => (p.optionSet.options[2]!.seatKey = 2),
      '/optionSet/options/2/seatKey',
      /^座席按键 2 同时对应“基本满意”和“不满意”两个选项 \/ seat key 2 chooses two options/,
    ],
    [
      'a duplicate outcome',
      (p) => p.outcomes.push({ ...p.outcomes[0]! }),
      '/outcomes/3/id',
      /^结果“satisfied”重复/,
    ],
    [
      'one option only',
      (p) => {
        p.optionSet.options.splice(1, 2);
        p.ladder[1]!.when![0]!.options = ['satisfied'];
      },
      '/optionSet/options',
      /^选项集应有 2 至 5 个选项（现有 1 个）/,
    ],
    [
      'a ladder with no final rung',
      (p) => (p.ladder[2]!.when = [{ ...p.ladder[1]!.when![0]!, options: ['unsatisfied'] }]),
      '/ladder/2/when',
      /^判定阶梯没有最后的“其余情形”一级.* \/ the ladder has no final rung/,
    ],
    [
      'a middle rung without a condition',
      (p) => delete p.ladder[1]!.when,
      '/ladder/1/when',
      /^只有最后一级可以没有 when/,
    ],
    [
      'excludeFromBase naming an unknown option',
      (p) => (p.excludeFromBase = ['abstain']),
      '/excludeFromBase/0',
      /^不计入基数的选项“abstain”不在选项集 three-level 中/,
    ],
    [
      'excludeFromBase naming every option',
      (p) => (p.excludeFromBase = ['satisfied', 'basically-satisfied', 'unsatisfied']),
      '/excludeFromBase',
      /^不能把全部选项都排除在基数之外/,
    ],
    [
      'a base that is not one of the four',
      (p) => (p.base = 'everyone' as Profile['base']),
      '/base',
      /^基数（base）应为 members、present、valid、returned 之一（现为 "everyone"）/,
    ],
    [
      'a due of an unknown kind',
      (p) => (p.outcomes[2]!.followUp[0]!.due = { kind: 'weekly' } as never),
      '/outcomes/2/followUp/0/due/kind',
      /^期限（due）的种类（kind）应为 next-session、months、set-by-council 之一/,
    ],
    [
      'a zero denominator',
      (p) => (p.ladder[0]!.when![0]!.fraction.den = 0),
      '/ladder/0/when/0/fraction/den',
      /^分母（den）应为不小于 1 的整数（现为 0）/,
    ],
    [
      'an id with capitals',
      (p) => (p.id = 'Anhui'),
      '/id',
      /^标识（id）只能由小写字母、数字和连字符组成/,
    ],
    ['an unknown field', (p) => (p.notes = 'x'), '/notes', /^未知字段“notes”/],
    [
      'a missing field',
      (p) => delete (p as Partial<Profile>).ladder,
      '/ladder',
      /^缺少必需的字段 判定阶梯（ladder）/,
    ],
  ])('rejects %s at its path', (_what, mutate, path, message) => {
    const found = problems(mutate);
    expect(found.map((p) => p.path)).toEqual([path]);
    expect(found[0]!.message).toMatch(message);
    expect(found[0]!.message).toMatch(CHINESE_FIRST);
  });

  it('six options: the count is named, and so is the seat key that two options share', () => {
    const found = problems((p) => {
      for (const n of [4, 5, 6])
        p.optionSet.options.push({
          key: `o${n}`,
          label: { zh: `选项${n}`, en: `O${n}` },
          seatKey: Math.min(n, 5),
        });
    });
    expect(found.map((p) => p.path)).toEqual([
      '/optionSet/options',
      '/optionSet/options/5/seatKey',
    ]);
    expect(found[0]!.message).toMatch(
      /^选项集应有 2 至 5 个选项（现有 6 个） \/ an option set has 2 to 5 options/,
    );
    expect(found[1]!.message).toMatch(/^座席按键 5 同时对应“选项5”和“选项6”两个选项/);
  });

  it('parseProfileDocument refuses with every problem listed; validateProfile names the first', () => {
    const p = shown();
    p.optionSet.options[2]!.seatKey = 2;
    p.ladder.pop();
    try {
      parseProfileDocument(p);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe(DomainErrorCode.InvalidProfile);
      const message = (e as DomainError).message;
      expect(message).toMatch(/^\/optionSet\/options\/2\/seatKey：座席按键 2/);
      expect(message).toContain('；/ladder/1/when：判定阶梯没有最后的“其余情形”一级');
      expect(message).toContain('；/outcomes/2：结果“unsatisfied”不在判定阶梯的任何一级上');
      expect(message.split('\n')).toHaveLength(1);
    }
    expect(() => validateProfile(p)).toThrow(
      /^测评办法无效，\/optionSet\/options\/2\/seatKey：座席按键 2 .* \/ invalid profile at \/optionSet\/options\/2\/seatKey: seat key 2 chooses two options/,
    );
  });

  it('a document edited consistently into a four-option profile is valid', () => {
    const p = shown();
    p.id = 'with-abstain';
    p.optionSet.options.push({ key: 'abstain', label: { zh: '弃权', en: 'Abstain' }, seatKey: 4 });
    p.excludeFromBase = ['abstain'];
    p.base = 'valid';
    expect(checkProfileDocument(p)).toEqual({ valid: true, problems: [] });
  });
});
