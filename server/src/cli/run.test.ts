import { describe, expect, it } from 'vitest';
import { attendanceCommand, checkinCloseCommand, checkinOpenCommand } from './commands/attendance';
import { keyShowCommand, recordExportCommand } from './commands/record-export';
import { recordVerifyCommand } from './commands/record-verify';
import { rosterImportCommand } from './commands/roster-import';
import { sessionStartCommand } from './commands/session-start';
import { tallyCommand } from './commands/tally';
import {
  voteAnnounceCommand,
  voteCloseCommand,
  voteOpenCommand,
  voteStatusCommand,
} from './commands/vote';
import type { CliIo } from './io';
import { runHall } from './run';

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

const HAN = /\p{Script=Han}/u;
/** `中文 / English`: Chinese, then ` / `, then English words. */
const BILINGUAL = /\p{Script=Han}.* \/ .*[A-Za-z]{3,}/u;

/** The commands of CONTRACT.md §1 that this file's issue made bilingual. */
const CONTRACT_COMMANDS = [
  tallyCommand,
  rosterImportCommand,
  sessionStartCommand,
  checkinOpenCommand,
  checkinCloseCommand,
  attendanceCommand,
  voteOpenCommand,
  voteStatusCommand,
  voteCloseCommand,
  voteAnnounceCommand,
  recordExportCommand,
  recordVerifyCommand,
  keyShowCommand,
];

describe('hall --help', () => {
  it('lists every command, Chinese first with English beside, on stdout, exit 0', async () => {
    const r = await hall(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(BILINGUAL);
    expect(r.stdout).toContain('用法 / usage: npm run -s hall -- <命令 command> [选项 options]');
    expect(r.stdout).toContain('命令 / commands:');
    expect(r.stdout).toMatch(/退出码 \/ exit codes: 0 成功 \/ success/);
    for (const c of CONTRACT_COMMANDS) {
      const at = lines.indexOf(`  ${c.usage}`);
      expect(at, c.usage).toBeGreaterThan(0);
      expect(lines[at + 1]!.trim()).toBe(c.summary);
    }
  });

  it('without a command prints the same on stderr and exits 2', async () => {
    const r = await hall([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe((await hall(['--help'])).stdout);
  });

  it.each(CONTRACT_COMMANDS.map((c) => [c.words.join(' '), c] as const))(
    '%s: its summary is 中文 / English, Chinese first, and --help shows it',
    async (_, c) => {
      expect(c.summary).toMatch(BILINGUAL);
      expect(c.summary.indexOf(' / ')).toBeGreaterThan(c.summary.search(HAN));
      const r = await hall([...c.words, '--help']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(`用法 / usage: npm run -s hall -- ${c.usage}\n${c.summary}\n`);
    },
  );
});

describe('usage errors: Chinese first, English beside, exit 2, nothing on stdout', () => {
  it.each([
    [
      ['tally', '--profile', 'zizhou', '--json'],
      '缺少必需的选项 --members / --members is required',
    ],
    [['tally', '--bogus', '1'], '未知选项 --bogus / unknown option --bogus'],
    [['tally', '--json=1'], '--json 不带取值 / --json takes no value'],
    [['tally', '--members'], '--members 缺少取值 / --members needs a value'],
    [['tally', '--members', '1', '--members', '2'], '--members 重复给出 / --members given twice'],
    [['vote', 'status', 'extra'], '多余的参数“extra” / unexpected argument "extra"'],
    [['attendance', 'extra'], '多余的参数“extra” / unexpected argument "extra"'],
    [['record', 'verify'], '缺少记录文件 / the record file is required'],
    [['record', 'verify', 'a.json', 'b.json'], '多余的参数“b.json” / unexpected argument "b.json"'],
    [['roster', 'import'], '须给出且只给出一个 CSV 文件 / give exactly one CSV file'],
    [
      ['record', 'export', '--out', 'x.json'],
      '--vote <id> 与 --all 须且只须给出其一 / give exactly one of --vote <id> and --all',
    ],
    [
      ['record', 'export', '--all', '--out', 'x.json', 'y'],
      '多余的参数“y” / unexpected argument "y"',
    ],
  ])('%j', async (argv, message) => {
    const r = await hall(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const [first, second, ...rest] = r.stderr.split('\n');
    const words = argv
      .filter((w) => !w.startsWith('-'))
      .slice(0, ['tally', 'attendance'].includes(argv[0]!) ? 1 : 2);
    expect(first).toBe(`hall ${words.join(' ')}: ${message}`);
    expect(second).toMatch(/^用法 \/ usage: npm run -s hall -- /);
    expect(rest).toEqual(['']);
  });

  it('an unknown command names the nearby commands, in Chinese and English', async () => {
    const r = await hall(['vote', 'opne']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^hall: 未知命令“vote opne”（可用：vote open, .*） \/ unknown command "vote opne" \(try: vote open, /,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const none = await hall(['frobnicate']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'hall: 未知命令“frobnicate”（可用：npm run -s hall -- --help） / unknown command "frobnicate" (try: npm run -s hall -- --help)\n',
    );
  });

  it('--json changes nothing about a usage error', async () => {
    const r = await hall(['session', 'start', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^hall session start: 缺少必需的选项 --title \/ --title is required\n/,
    );
    expect(r.stderr).toMatch(HAN);
  });
});
