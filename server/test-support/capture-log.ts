import { Writable } from 'node:stream';
import pino from 'pino';

/** A trace-level logger whose every line is kept, parsed, for tests that check what is logged. */
export function captureLog() {
  const lines: { msg: string; [k: string]: unknown }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(l) as (typeof lines)[number]);
      done();
    },
  });
  return { log: pino({ level: 'trace' }, sink), lines };
}
