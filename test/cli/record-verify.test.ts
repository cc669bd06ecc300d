import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SealedRecord } from '@hall/shared';
import { canonicalHash } from '../../server/src/records/canonical';
import { sealRecord } from '../../server/src/records/seal';
import { bodyFor, sampleChain, tempKey } from '../../server/test-support/test-records';
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

  it('without --public-key it checks everything but says the signer was not pinned, naming the key', async () => {
    const run = await hallCli(['record', 'verify', write('unpinned.json', chain), '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      valid: true,
      records: 3,
      signerPinned: false,
      publicKeys: [key.publicKey],
    });
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toMatch(/^未指定 --public-key：未核对签名者.* \/ signer not pinned: /);
    expect(out.warnings[0]).toContain(key.publicKey);
    const pinned = await hallCli([
      'record',
      'verify',
      write('pinned.json', chain),
      '--public-key',
      key.publicKey,
      '--json',
    ]);
    expect(JSON.parse(pinned.stdout)).toMatchObject({
      valid: true,
      signerPinned: true,
      warnings: [],
    });
    // Without --json the warning is printed too.
    const text = await hallCli(['record', 'verify', write('unpinned-text.json', chain)]);
    expect(text.stdout).toMatch(/未指定 --public-key/);
  });

  it('a chain re-signed with another key is flagged: unpinned it names that key, mixed keys are said', async () => {
    const other = tempKey();
    const bodies = chain.map(({ seq: _s, prevHash: _p, signature: _g, ...b }) => b);
    const forged: SealedRecord[] = [];
    for (const b of bodies) forged.push(sealRecord(b, forged.at(-1) ?? null, other));
    const run = await hallCli(['record', 'verify', write('forged.json', forged), '--json']);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ valid: true, signerPinned: false, publicKeys: [other.publicKey] });
    expect(out.warnings[0]).toContain(other.publicKey);
    // Pinned to the hall's key, the same chain fails.
    const pinned = await hallCli([
      'record',
      'verify',
      write('forged2.json', forged),
      '--public-key',
      key.publicKey,
      '--json',
    ]);
    expect(pinned.code).toBe(1);
    // The last record re-sealed with another key: two signers, said in the warnings.
    const mixed = [chain[0]!, chain[1]!, sealRecord(bodies[2]!, chain[1]!, other)];
    const m = JSON.parse(
      (await hallCli(['record', 'verify', write('mixed.json', mixed), '--json'])).stdout,
    );
    expect(m.publicKeys).toEqual([key.publicKey, other.publicKey]);
    expect(m.warnings.join('\n')).toMatch(/由 2 个不同的密钥签名.*signed by 2 different keys/);
  });

  it('still verifies a correction sealed before corrections named the two people', async () => {
    const b = {
      ...bodyFor(1, 'anhui-2013', { satisfied: 30, 'basically-satisfied': 11, unsatisfied: 13 }),
      corrects: { seq: 1, hash: canonicalHash(chain[0]), reason: '计票有误' },
    };
    const old = [...chain, sealRecord(b, chain[2]!, key)];
    const run = await hallCli([
      'record',
      'verify',
      write('old-correction.json', old),
      '--public-key',
      key.publicKey,
      '--json',
    ]);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, records: 4, problems: [] });
  });
});
