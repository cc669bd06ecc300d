import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hallCli } from '../support/hall-cli';
import { SHARED_DIR } from '../support/paths';

interface Case {
  profile: string;
  members: number;
  present: number;
  counts: Record<string, number>;
  invalid: number;
  expect: { outcome: string; valid: number; notVoted: number };
  note: string;
}

const cases: Case[] = JSON.parse(
  readFileSync(path.join(SHARED_DIR, 'examples/tally-cases.json'), 'utf8'),
);

describe('every worked case of ../shared/examples passes through the real hall CLI', () => {
  it('has cases to check', () => expect(cases.length).toBeGreaterThanOrEqual(8));

  it.each(cases.map((c) => [c.note, c] as const))('%s', async (_note, c) => {
    const counts = Object.entries(c.counts)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    const run = await hallCli([
      'tally',
      '--profile',
      c.profile,
      '--members',
      String(c.members),
      '--present',
      String(c.present),
      '--counts',
      counts,
      '--invalid',
      String(c.invalid),
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      profile: c.profile,
      ...c.expect,
      members: c.members,
      present: c.present,
    });
    expect(out.counts).toMatchObject(c.counts);
    expect(out.invalid).toBe(c.invalid);
    expect(Array.isArray(out.followUp)).toBe(true);
  });
});

describe('refusals from the real process', () => {
  it.each([
    [
      ['--profile', 'anhui-2013', '--members', '62', '--present', '63', '--counts', 'satisfied=1'],
      /present 63 is more than members 62/,
    ],
    [
      ['--profile', 'anhui-2013', '--members', '-1', '--present', '0', '--counts', 'satisfied=0'],
      /--members must be a whole number/,
    ],
    [
      ['--profile', 'hubei', '--members', '6', '--present', '6', '--counts', 'satisfied=1'],
      /unknown profile "hubei"/,
    ],
  ])('%j exits 1 with a one-line reason and nothing on stdout', async (args, reason) => {
    const run = await hallCli(['tally', ...args, '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(reason);
  });

  it('a usage error exits 2', async () => {
    const run = await hallCli(['tally', '--profile', 'zizhou', '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/缺少必需的选项 --members \/ --members is required/);
    expect(run.stderr).toMatch(/用法 \/ usage: npm run -s hall -- tally /);
  });
});
