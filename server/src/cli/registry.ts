import type { Command } from './command';
import { tallyCommand } from './commands/tally';

/** Every `hall` command. Commands that talk to the running server are added beside these. */
export const COMMANDS: readonly Command[] = [tallyCommand];
