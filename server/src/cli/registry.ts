import type { Command } from './command';
import { backupCommand, restoreCommand } from './commands/backup';
import { attendanceCommand, checkinCloseCommand, checkinOpenCommand } from './commands/attendance';
import { rosterImportCommand } from './commands/roster-import';
import { sessionStartCommand } from './commands/session-start';
import { keyShowCommand, recordExportCommand } from './commands/record-export';
import { recordVerifyCommand } from './commands/record-verify';
import { tallyCommand } from './commands/tally';
import { USER_COMMANDS } from './commands/users';
import {
  voteAnnounceCommand,
  voteCloseCommand,
  voteOpenCommand,
  voteStatusCommand,
} from './commands/vote';

/** Every `hall` command (CONTRACT.md §1). */
export const COMMANDS: readonly Command[] = [
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
  backupCommand,
  restoreCommand,
  ...USER_COMMANDS,
];
