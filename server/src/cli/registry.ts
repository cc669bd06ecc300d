import type { Command } from './command';
import { backupCommand, restoreCommand } from './commands/backup';
import { attendanceCommand, checkinCloseCommand, checkinOpenCommand } from './commands/attendance';
import { rosterImportCommand } from './commands/roster-import';
import { sessionStartCommand } from './commands/session-start';
import { evaluatorsImportCommand } from './commands/evaluators';
import { keyShowCommand, recordExportCommand } from './commands/record-export';
import { recordVerifyCommand } from './commands/record-verify';
import { tallyCommand } from './commands/tally';
import { profileShowCommand, profileValidateCommand } from './commands/profile';
import { USER_COMMANDS } from './commands/users';
import { SERIES_COMMANDS } from './commands/series';
import {
  voteAnnounceCommand,
  voteCloseCommand,
  voteOpenCommand,
  voteStatusCommand,
} from './commands/vote';
import { voteAbandonCommand, voteCountsCommand } from './commands/vote-hand';

/** Every `hall` command (CONTRACT.md §1). */
export const COMMANDS: readonly Command[] = [
  tallyCommand,
  profileShowCommand,
  profileValidateCommand,
  rosterImportCommand,
  sessionStartCommand,
  evaluatorsImportCommand,
  checkinOpenCommand,
  checkinCloseCommand,
  attendanceCommand,
  voteOpenCommand,
  voteStatusCommand,
  voteCountsCommand,
  voteAbandonCommand,
  voteCloseCommand,
  voteAnnounceCommand,
  recordExportCommand,
  recordVerifyCommand,
  keyShowCommand,
  backupCommand,
  restoreCommand,
  ...SERIES_COMMANDS,
  ...USER_COMMANDS,
];
