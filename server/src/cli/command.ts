import type { OptionSpec, ParsedArgs } from './args';
import type { CliIo } from './io';

/** One `hall` command: its words (`vote open`), its options, and what it does. */
export interface Command {
  words: readonly string[];
  /** One line, Chinese first, English beside: `中文说明 / English summary`. */
  summary: string;
  /** The words and options after `npm run -s hall --`, e.g. `vote status [--server <url>] [--json]`. */
  usage: string;
  options: OptionSpec;
  /** Resolves when done; throws UsageError (exit 2) or RefusedError/DomainError (exit 1). */
  run(args: ParsedArgs, io: CliIo): Promise<void> | void;
}
