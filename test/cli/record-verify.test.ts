import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleChain, tempKey } from '../../server/src/records/test-records';
import { hallCli } from '../support/hall-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'hall-verify-'));
const key = tempKey();
const chain = sampleChain(key);
const write = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
};

describe('hall record verify (real process)', () => {
  it('a whole chain with the hall key is valid: exit 0 and {valid: true, records: 3}', async () => {
    const run = await hallCli([
      'record',
      'verify',
      write('all.json', chain),
      '--public-key',
      key.publicKey,
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, records: 3 });
  });

  it('a tampered count prints {valid: false} and exits 1', async () => {
    const tampered = structuredClone(chain);
    tampered[1]!.counts.unsatisfied! -= 1;
    const run = await hallCli(['record', 'verify', write('bad.json', tampered), '--json']);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ valid: false, records: 3 });
    expect(out.problems.join('\n')).toMatch(/record seq 2: signature does not verify/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('another key than --public-key fails; a missing file is a refusal; no file is a usage error', async () => {
    const other = tempKey();
    const single = write('one.json', chain[0]);
    const wrong = await hallCli([
      'record',
      'verify',
      single,
      '--public-key',
      other.publicKey,
      '--json',
    ]);
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout).valid).toBe(false);
    const missing = await hallCli(['record', 'verify', path.join(dir, 'nope.json'), '--json']);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/cannot read .*ENOENT/);
    const usage = await hallCli(['record', 'verify', '--json']);
    expect(usage.code).toBe(2);
  });
});
