/** Exit codes of the hall CLI (CONTRACT.md §1). */
export const ExitCode = { Ok: 0, Refused: 1, Usage: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The call's words are off: unknown command or option, a required option missing. Exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Refused or invalid input: bad numbers, nothing to act on, the server said no. Exit 1. */
export class RefusedError extends Error {
  override name = 'RefusedError';
}
