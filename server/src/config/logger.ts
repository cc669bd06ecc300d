import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The hall server's logger (server.ts): JSON lines on stdout (the journal under systemd, README
 * "Operations"), with ISO 8601 UTC timestamps (`"time":"2026-12-02T09:30:00.000Z"`) that a
 * person can read and that sort as text.
 */
export function createLogger(
  opts: { level?: string; destination?: DestinationStream } = {},
): Logger {
  const options = {
    level: opts.level ?? 'info',
    base: { service: 'hall' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}
