import { isDomainError } from '@hall/shared';
import { parseArgs } from './args';
import type { Command } from './command';
import { ExitCode, RefusedError, UsageError } from './errors';
import type { CliIo } from './io';
import { COMMANDS } from './registry';

const INVOKE = 'npm run -s hall --';

/**
 * `hall --help`: Chinese first, English beside. Each command's usage line, then its summary
 * (`中文说明 / English summary`), then how options, output and exit codes work (CONTRACT.md §1).
 */
export function usage(commands: readonly Command[]): string {
  const lines = commands.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return [
    '常委会满意度测评系统 命令行 / hall voting CLI',
    '',
    `用法 / usage: ${INVOKE} <命令 command> [选项 options]`,
    '',
    '命令 / commands:',
    ...lines,
    '',
    '说明 / notes:',
    `  每条命令后加 --help 查看其用法 / add --help after a command for its usage (${INVOKE} vote open --help)`,
    '  --json 只在标准输出打印一个 JSON 文档 / --json prints exactly one JSON document on stdout',
    '  --server <url> 会场服务器地址，令牌取自 HALL_OPERATOR_TOKEN / the hall server; the token comes from HALL_OPERATOR_TOKEN',
    '  退出码 / exit codes: 0 成功 / success, 1 被拒绝或输入无效 / refused or invalid input, 2 用法错误 / usage error',
    '',
  ].join('\n');
}

/** A command's own `--help`: its usage line and summary. */
export function commandHelp(command: Command): string {
  return `用法 / usage: ${INVOKE} ${command.usage}\n${command.summary}\n`;
}

function findCommand(argv: readonly string[], commands: readonly Command[]): Command | undefined {
  // The longest word sequence that matches wins (`record verify` before `record`).
  const sorted = [...commands].sort((a, b) => b.words.length - a.words.length);
  return sorted.find((c) => c.words.every((w, i) => argv[i] === w));
}

/** Run the hall CLI: returns the exit code. Errors go to stderr as one line; stdout stays empty. */
export async function runHall(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = COMMANDS,
): Promise<ExitCode> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    (argv.length === 0 ? io.stderr : io.stdout)(usage(commands));
    return argv.length === 0 ? ExitCode.Usage : ExitCode.Ok;
  }
  const command = findCommand(argv, commands);
  if (!command) {
    const words = argv.slice(0, 2).join(' ');
    const near = commands.filter((c) => c.words[0] === argv[0]).map((c) => c.words.join(' '));
    const hint = near.length > 0 ? near.join(', ') : `${INVOKE} --help`;
    io.stderr(
      `hall: 未知命令“${words}”（可用：${hint}） / unknown command "${words}" (try: ${hint})\n`,
    );
    return ExitCode.Usage;
  }
  try {
    const rest = argv.slice(command.words.length);
    if (rest.includes('--help')) {
      io.stdout(commandHelp(command));
      return ExitCode.Ok;
    }
    const args = parseArgs(rest, command.options);
    if (args.positionals.length > 0 && !command.usage.includes('<')) {
      const extra = args.positionals[0];
      throw new UsageError(`多余的参数“${extra}” / unexpected argument "${extra}"`);
    }
    await command.run(args, io);
    return ExitCode.Ok;
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    if (e instanceof UsageError) {
      io.stderr(
        `hall ${command.words.join(' ')}: ${message}\n用法 / usage: ${INVOKE} ${command.usage}\n`,
      );
      return ExitCode.Usage;
    }
    if (e instanceof RefusedError || isDomainError(e)) {
      io.stderr(`hall ${command.words.join(' ')}: ${message}\n`);
      return ExitCode.Refused;
    }
    io.stderr(`hall ${command.words.join(' ')}: 意外错误 / unexpected failure: ${message}\n`);
    return ExitCode.Refused;
  }
}
