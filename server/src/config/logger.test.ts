import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

describe('the server logger', () => {
  it('writes JSON lines with an ISO 8601 UTC timestamp and the service name', () => {
    const out: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        out.push(chunk.toString('utf8'));
        done();
      },
    });
    const log = createLogger({ level: 'info', destination: sink });
    log.info({ port: 8080 }, 'hall server ready');
    log.debug('not at info');
    expect(out).toHaveLength(1);
    const line = JSON.parse(out[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({
      service: 'hall',
      msg: 'hall server ready',
      port: 8080,
      level: 30,
    });
    expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(line.time as string) - Date.now())).toBeLessThan(60_000);
  });

  it('defaults to info', () => {
    expect(createLogger().level).toBe('info');
    expect(createLogger({ level: 'warn' }).level).toBe('warn');
  });
});
