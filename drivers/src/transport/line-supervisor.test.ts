// The line supervisor: bounded reopen back-off and the watchdog for a silent port (§4).
import { describe, expect, it } from 'vitest';
import { waitFor } from '../sim/wait-for';
import { LineSupervisor } from './line-supervisor';
import { MemoryLine } from './memory-pair';

function supervised(line: MemoryLine, silenceMs: number) {
  const log: string[] = [];
  const sup = new LineSupervisor(
    line.host,
    { reopenMinMs: 10, reopenMaxMs: 50, silenceMs, runawayCpu: 10 },
    {
      onUp: () => log.push('up'),
      onDown: (reason) => log.push(`down: ${reason}`),
      onData: () => log.push('data'),
      probe: () => log.push('probe'),
    },
  );
  return { sup, log };
}

describe('LineSupervisor', () => {
  it('probes a silent line, then reopens it', async () => {
    const { sup, log } = supervised(new MemoryLine(), 200);
    sup.start();
    await waitFor('reopened', () => log.filter((l) => l === 'up').length >= 2);
    await sup.stop();
    expect(log.slice(0, 4)).toEqual([
      'up',
      'probe',
      expect.stringMatching(/^down: line silent/),
      'up',
    ]);
  });

  it('reports one bus-down while the device is gone, and comes back when it returns', async () => {
    const line = new MemoryLine();
    const { sup, log } = supervised(line, 60_000);
    sup.start();
    await waitFor('up', () => sup.up);
    line.unplug();
    await waitFor('down', () => !sup.up);
    await new Promise((r) => setTimeout(r, 200));
    line.plug();
    await waitFor('up again', () => sup.up);
    await sup.stop();
    expect(log).toEqual(['up', 'down: unplugged', 'up']);
  });
});
