import type { OptionSpec, ParsedArgs } from './args';
import type { CliIo } from './io';

/** One `hall` command: its words (`vote open`), its options, and what it does. */
export interface Command {
  words: readonly string[];
  summary: string;
  usage: string;
  options: OptionSpec;
  /** Resolves when done; throws UsageError (exit 2) or RefusedError/DomainError (exit 1). */
  run(args: ParsedArgs, io: CliIo): Promise<void> | void;
}
