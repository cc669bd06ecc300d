import { isDomainError } from '@hall/shared';
import { parseArgs } from './args';
import type { Command } from './command';
import { ExitCode, RefusedError, UsageError } from './errors';
import type { CliIo } from './io';
import { COMMANDS } from './registry';

function usage(commands: readonly Command[]): string {
  const lines = commands.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `usage: npm run -s hall -- <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
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
    io.stderr(
      `hall: unknown command "${argv.slice(0, 2).join(' ')}" (try: npm run -s hall -- --help)\n`,
    );
    return ExitCode.Usage;
  }
  try {
    const rest = argv.slice(command.words.length);
    if (rest.includes('--help')) {
      io.stdout(`usage: npm run -s hall -- ${command.usage}\n${command.summary}\n`);
      return ExitCode.Ok;
    }
    const args = parseArgs(rest, command.options);
    if (args.positionals.length > 0 && !command.usage.includes('<')) {
      throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    }
    await command.run(args, io);
    return ExitCode.Ok;
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    if (e instanceof UsageError) {
      io.stderr(
        `hall ${command.words.join(' ')}: ${message}\nusage: npm run -s hall -- ${command.usage}\n`,
      );
      return ExitCode.Usage;
    }
    if (e instanceof RefusedError || isDomainError(e)) {
      io.stderr(`hall ${command.words.join(' ')}: ${message}\n`);
      return ExitCode.Refused;
    }
    io.stderr(`hall ${command.words.join(' ')}: unexpected failure: ${message}\n`);
    return ExitCode.Refused;
  }
}
