import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runHall } from '../run';
import type { CliIo } from '../io';

async function hall(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: {},
    cwd: process.cwd(),
  };
  const code = await runHall(argv, io);
  return { code, stdout, stderr };
}

const good = {
  profile: 'anhui-2013',
  members: '62',
  present: '55',
  counts: 'satisfied=31,basically-satisfied=10,unsatisfied=14',
  invalid: '0',
};
const argv = (o: Record<string, string>) => [
  'tally',
  ...Object.entries(o).flatMap(([k, v]) => [`--${k}`, v]),
  '--json',
];

describe('hall tally', () => {
  it('prints exactly one JSON document with the contract fields', async () => {
    const r = await hall(argv(good));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining([
        'profile',
        'outcome',
        'members',
        'present',
        'valid',
        'invalid',
        'notVoted',
        'counts',
        'followUp',
      ]),
    );
    expect(out.outcome).toBe('satisfied');
  });

  it('spaces around the items of --counts are allowed', async () => {
    const out = JSON.parse(
      (
        await hall(
          argv({ ...good, counts: 'satisfied=31, basically-satisfied=10 ,unsatisfied= 14' }),
        )
      ).stdout,
    );
    expect(out.counts).toEqual({ satisfied: 31, 'basically-satisfied': 10, unsatisfied: 14 });
  });

  it('a key left out of --counts is 0, --invalid defaults to 0', async () => {
    const { invalid: _i, ...rest } = good;
    const out = JSON.parse((await hall(argv({ ...rest, counts: 'unsatisfied=30' }))).stdout);
    expect(out.counts).toEqual({ satisfied: 0, 'basically-satisfied': 0, unsatisfied: 30 });
    expect(out.invalid).toBe(0);
    expect(out.notVoted).toBe(25);
  });

  it('prints readable Chinese without --json', async () => {
    const r = await hall(argv(good).slice(0, -1));
    expect(r.stdout).toContain('满意 31 ≥ 全体组成人员 62 的半数 31 → 满意');
  });

  it.each([
    [[], 2],
    [['vote'], 2],
    [['tally', '--bogus', '1'], 2],
    [['tally', '--json=1'], 2],
    [['tally', '--profile'], 2],
  ])('usage error %j exits %i', async (words, code) => {
    const r = await hall(words);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
  });

  it('bad input always exits 1 with nothing on stdout and one line on stderr (fast-check)', async () => {
    const badNumber = fc.oneof(
      fc.integer({ max: -1 }).map(String),
      fc.double({ noInteger: true, noNaN: true }).map(String),
      fc.constantFrom(
        '',
        'abc',
        '1e3',
        '0x10',
        ' 5',
        '5 ',
        '+3',
        '3.0',
        'NaN',
        '９',
        '99999999999999999999',
      ),
    );
    const field = fc.constantFrom('members', 'present', 'invalid');
    const badCase = fc.oneof(
      fc.tuple(field, badNumber).map(([f, v]) => ({ ...good, [f]: v })),
      // inside the --counts list, spaces around a value are allowed (`a=1, b=2`)
      badNumber
        .filter((v) => v.trim() !== '' && v.trim() === v)
        .map((v) => ({ ...good, counts: `satisfied=${v}` })),
      fc
        .constantFrom('abstain=1', 'satisfied', 'satisfied=1,satisfied=2', '=3', 'satisfied=1,,')
        .map((counts) => ({ ...good, counts })),
      fc
        .string({ minLength: 1, maxLength: 12 })
        .filter((s) => !['anhui-2013', 'zizhou', 'shenzhen-2011'].includes(s))
        .map((profile) => ({ ...good, profile })),
      // consistent-looking numbers that contradict each other
      fc
        .record({ m: fc.integer({ min: 1, max: 200 }), extra: fc.integer({ min: 1, max: 50 }) })
        .map(({ m, extra }) => ({
          ...good,
          members: String(m),
          present: String(m + extra),
          counts: 'satisfied=0',
        })),
      fc
        .record({ p: fc.integer({ min: 0, max: 100 }), extra: fc.integer({ min: 1, max: 50 }) })
        .map(({ p, extra }) => ({
          ...good,
          members: String(p + 10),
          present: String(p),
          counts: `satisfied=${p}`,
          invalid: String(extra),
        })),
    );
    await fc.assert(
      fc.asyncProperty(badCase, async (o) => {
        const r = await hall(argv(o));
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
      }),
      { numRuns: 400 },
    );
  });
});
