/** Where a command writes, and what it may read: injected so commands run in-process in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** Print a command's result: exactly one JSON document with --json, otherwise readable text. */
export function printResult(io: CliIo, json: boolean, value: unknown, text: () => string): void {
  io.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}
