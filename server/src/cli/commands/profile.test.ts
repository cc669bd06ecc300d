import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { anhui2013, checkProfileDocument, type Profile } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../io';
import { runHall } from '../run';

const dir = mkdtempSync(path.join(tmpdir(), 'hall-profile-cli-'));

async function hall(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: {},
    cwd: dir,
  };
  const code = await runHall(argv, io);
  return { code, stdout, stderr };
}

const write = (name: string, content: unknown) => {
  writeFileSync(
    path.join(dir, name),
    typeof content === 'string' || Buffer.isBuffer(content)
      ? content
      : JSON.stringify(content, null, 2),
  );
  return name;
};

async function shown(id = 'anhui-2013'): Promise<Profile> {
  const r = await hall(['profile', 'show', id, '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Profile;
}

describe('the profile commands in help', () => {
  it.each([['profile', 'show'], ['profile', 'validate'], ['tally']])(
    '%s: usage and summary 中文 / English, Chinese first',
    async (...words) => {
      const r = await hall([...words, '--help']);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(/^用法 \/ usage: npm run -s hall -- /);
      expect(r.stdout.split('\n')[1]).toMatch(/^\p{Script=Han}.* \/ [A-Z][a-z]+/u);
      expect((await hall(['--help'])).stdout).toContain(`  ${words.join(' ')} `);
    },
  );

  it('tally names both ways of giving the profile', async () => {
    expect((await hall(['tally', '--help'])).stdout).toContain(
      'tally (--profile <id> | --profile-file <file>) --members <n>',
    );
  });
});

describe('hall profile show', () => {
  it.each(['anhui-2013', 'zizhou', 'shenzhen-2011'])(
    '%s --json prints exactly one document, valid, of format hall-profile/1',
    async (id) => {
      const r = await hall(['profile', 'show', id, '--json']);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      const doc = JSON.parse(r.stdout);
      expect(doc.format).toBe('hall-profile/1');
      expect(doc.id).toBe(id);
      expect(checkProfileDocument(doc).valid).toBe(true);
    },
  );

  it('without --json: the profile in Chinese, with its rule read back from the conditions', async () => {
    const r = await hall(['profile', 'show', 'anhui-2013']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('安徽省人大常委会满意度测评办法（2013）（anhui-2013，第 1 版）');
    expect(r.stdout).toContain('选项：满意（按键 1）、基本满意（按键 2）、不满意（按键 3）');
    expect(r.stdout).toContain('基数：全体组成人员');
    expect(r.stdout).toContain('  1. 满意票达到全体组成人员的半数（含半数）为满意');
    expect(r.stdout).toContain('  3. 其余情形为不满意');
    expect(r.stdout).toContain('不满意（未通过）');
  });

  it('an unknown id is refused (exit 1), naming the known ids; no id is a usage error', async () => {
    const r = await hall(['profile', 'show', 'hubei', '--json']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /unknown profile "hubei" \(known: anhui-2013, zizhou, shenzhen-2011\)/,
    );
    expect(await hall(['profile', 'show', '--json'])).toMatchObject({ code: 2, stdout: '' });
    expect(await hall(['profile', 'show', 'zizhou', 'anhui-2013'])).toMatchObject({
      code: 2,
      stdout: '',
    });
  });
});

describe('hall profile validate', () => {
  it('a document printed by profile show is valid: exit 0, {valid: true, problems: []}', async () => {
    const file = write('anhui.json', await shown());
    const r = await hall(['profile', 'validate', file, '--json']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual({ valid: true, problems: [] });
    const text = await hall(['profile', 'validate', file]);
    expect(text.stdout).toMatch(/^有效：安徽省人大常委会满意度测评办法（2013）/);
  });

  it('an invalid document: the JSON on stdout, every problem on stderr, exit 1', async () => {
    const doc = await shown();
    doc.optionSet.options[2]!.seatKey = 2;
    doc.ladder[0]!.when![0]!.fraction = { num: 3, den: 2 };
    doc.ladder.push({ ...doc.ladder[0]!, outcome: 'nope' });
    const r = await hall(['profile', 'validate', write('bad.json', doc), '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    const paths = out.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/optionSet/options/2/seatKey',
        '/ladder/0/when/0/fraction',
        '/ladder/3/outcome',
        '/ladder/3/when',
      ]),
    );
    const lines = r.stderr.trim().split('\n');
    for (const p of out.problems) expect(lines).toContain(`${p.path}: ${p.message}`);
    expect(lines.at(-1)).toMatch(
      new RegExp(`^hall profile validate: 测评办法文件无效：${out.problems.length} 个问题`),
    );
  });

  it('a file that is not JSON: {valid: false} with the parse error at /, exit 1', async () => {
    const r = await hall(['profile', 'validate', write('broken.json', '{"id": '), '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0].path).toBe('/');
    expect(out.problems[0].message).toMatch(/^不是 JSON 文件：.* \/ not JSON: /);
    expect(r.stderr).toMatch(/^\/: 不是 JSON 文件/);
  });

  it('a UTF-8 byte-order mark is accepted; a file in another encoding is refused, saying so', async () => {
    const bom = write('bom.json', `\uFEFF${JSON.stringify(await shown())}`);
    expect((await hall(['profile', 'validate', bom, '--json'])).code).toBe(0);
    const gbk = write('gbk.json', Buffer.from([0x7b, 0x22, 0xc2, 0xfa, 0xd2, 0xe2, 0x22, 0x7d]));
    const r = await hall(['profile', 'validate', gbk, '--json']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/不是 UTF-8 编码的文件/);
  });

  it('a file that cannot be read is refused with nothing on stdout; no file is a usage error', async () => {
    const r = await hall(['profile', 'validate', 'nope.json', '--json']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot read nope\.json: ENOENT/);
    expect(await hall(['profile', 'validate', '--json'])).toMatchObject({ code: 2, stdout: '' });
  });
});

describe('hall tally --profile-file', () => {
  const numbers = ['--members', '60', '--present', '50', '--json'];

  it('decides under the document in the file, with that profile’s option keys', async () => {
    const doc = await shown();
    doc.id = 'with-abstain';
    doc.optionSet.options.push({
      key: 'abstain',
      label: { zh: '弃权', en: 'Abstain' },
      seatKey: 4,
    });
    doc.excludeFromBase = ['abstain'];
    doc.base = 'valid';
    const file = write('abstain.json', doc);
    const at = (counts: string) =>
      hall(['tally', '--profile-file', file, '--counts', counts, ...numbers]);
    const r = await at('satisfied=18,unsatisfied=18,abstain=4');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toMatchObject({
      profile: 'with-abstain',
      outcome: 'satisfied', // 18 of 40 − 4 = 36: half included
      valid: 40,
      notVoted: 10,
      counts: { satisfied: 18, 'basically-satisfied': 0, unsatisfied: 18, abstain: 4 },
    });
    expect(JSON.parse((await at('satisfied=17,unsatisfied=19,abstain=4')).stdout).outcome).toBe(
      'unsatisfied',
    );
    // a key of another profile is refused, naming this profile's keys
    const other = await at('excellent=3');
    expect(other).toMatchObject({ code: 1, stdout: '' });
    expect(other.stderr).toMatch(/options: satisfied, basically-satisfied, unsatisfied, abstain/);
  });

  it('an invalid document is refused on one line naming every problem by its path', async () => {
    const doc = await shown();
    doc.optionSet.options[1]!.seatKey = 1;
    doc.ladder.pop();
    const file = write('tally-bad.json', doc);
    const r = await hall(['tally', '--profile-file', file, '--counts', 'satisfied=1', ...numbers]);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('/optionSet/options/1/seatKey：');
    expect(r.stderr).toContain('/ladder/1/when：');
    expect(r.stderr).toContain('/outcomes/2：');
  });

  it('a file that is missing or not JSON is refused (exit 1)', async () => {
    for (const file of ['missing.json', write('not-json.json', 'satisfied=1')]) {
      const r = await hall([
        'tally',
        '--profile-file',
        file,
        '--counts',
        'satisfied=1',
        ...numbers,
      ]);
      expect(r).toMatchObject({ code: 1, stdout: '' });
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('both --profile and --profile-file, or neither, is a usage error (exit 2)', async () => {
    const file = write('plain.json', anhui2013);
    const both = await hall([
      'tally',
      '--profile',
      'anhui-2013',
      '--profile-file',
      file,
      '--counts',
      'satisfied=1',
      ...numbers,
    ]);
    expect(both).toMatchObject({ code: 2, stdout: '' });
    expect(both.stderr).toMatch(/give exactly one of --profile <id> or --profile-file <file>/);
    const neither = await hall(['tally', '--counts', 'satisfied=1', ...numbers]);
    expect(neither).toMatchObject({ code: 2, stdout: '' });
    // a profile without `format` (as sealed in older records) is read as hall-profile/1
    const plain = await hall([
      'tally',
      '--profile-file',
      file,
      '--counts',
      'satisfied=30',
      ...numbers,
    ]);
    expect(JSON.parse(plain.stdout).outcome).toBe('satisfied');
  });
});
