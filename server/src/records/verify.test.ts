import { describe, expect, it } from 'vitest';
import { canonicalBytes, canonicalHash } from './canonical';
import { keyFingerprint, verifyBytes, importPublicKey } from './keys';
import type { SealedRecord } from '@hall/shared';
import { sealRecord } from './seal';
import { bodyFor, sampleChain, tempKey } from '../../test-support/test-records';
import { verifyRecords } from './verify';

const key = tempKey();
const chain = sampleChain(key);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/** Every leaf of a JSON value, as a path of keys and indexes. */
function leaves(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.length ? v.flatMap((x, i) => leaves(x, [...at, i])) : [at];
  if (v && typeof v === 'object') {
    const entries = Object.entries(v);
    return entries.length ? entries.flatMap(([k, x]) => leaves(x, [...at, k])) : [at];
  }
  return [at];
}

function changeAt(record: SealedRecord, p: (string | number)[]): SealedRecord {
  const copy = clone(record) as unknown as Record<string | number, unknown>;
  let node = copy;
  for (const k of p.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = p.at(-1)!;
  const old = node[last];
  node[last] =
    typeof old === 'number'
      ? old + 1
      : typeof old === 'string'
        ? `${old}x`
        : typeof old === 'boolean'
          ? !old
          : old === null
            ? 0
            : Array.isArray(old)
              ? [...old, 1]
              : { ...(old as object), extra: 1 };
  return copy as unknown as SealedRecord;
}

describe('sealed records', () => {
  it('follow CONTRACT.md §5: seq from 1, prevHash of the previous canonical form, Ed25519 over the rest', () => {
    expect(chain.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(chain[0]!.prevHash).toBeNull();
    expect(chain[1]!.prevHash).toBe(canonicalHash(chain[0]));
    expect(chain[2]!.prevHash).toMatch(/^[0-9a-f]{64}$/);
    const { signature, ...unsigned } = chain[1]!;
    expect(Object.keys(signature).sort()).toEqual(['alg', 'publicKey', 'value']);
    expect(signature.alg).toBe('Ed25519');
    expect(Buffer.from(signature.publicKey, 'base64')).toHaveLength(32);
    expect(Buffer.from(signature.value, 'base64')).toHaveLength(64);
    expect(
      verifyBytes(importPublicKey(signature.publicKey)!, canonicalBytes(unsigned), signature.value),
    ).toBe(true);
    expect(keyFingerprint(key.publicKey)).toMatch(/^([0-9a-f]{4}:){7}[0-9a-f]{4}$/);
  });

  it('verify: a whole chain, a single record, and the expected key', () => {
    expect(verifyRecords(chain)).toMatchObject({
      valid: true,
      records: 3,
      chain: true,
      problems: [],
    });
    expect(verifyRecords(chain[2])).toMatchObject({ valid: true, records: 1, chain: false });
    expect(verifyRecords(chain, { publicKey: key.publicKey }).valid).toBe(true);
  });

  it('every single-field change of a record makes it fail (alone and in the chain)', () => {
    for (const [i, record] of chain.entries()) {
      const paths = leaves(record);
      expect(paths.length).toBeGreaterThan(60);
      for (const p of paths) {
        const changed = changeAt(record, p);
        const alone = verifyRecords(changed);
        expect(alone.valid, `change at ${p.join('.')}`).toBe(false);
        const inChain = chain.map((r, k) => (k === i ? changed : r));
        expect(verifyRecords(inChain).valid, `chain change at ${p.join('.')}`).toBe(false);
      }
    }
  });

  it('a removed, reordered, duplicated or truncated-at-the-start chain fails', () => {
    expect(verifyRecords([chain[0], chain[2]]).problems.join()).toMatch(/seq 3 does not follow 1/);
    expect(verifyRecords([chain[1], chain[0], chain[2]]).valid).toBe(false);
    expect(verifyRecords([chain[0], chain[1], chain[1], chain[2]]).valid).toBe(false);
    expect(verifyRecords([chain[1], chain[2]]).problems.join()).toMatch(/a chain starts at seq 1/);
    expect(verifyRecords([]).valid).toBe(false);
  });

  it('a wrong key fails, and a forger who re-signs still cannot change the outcome', () => {
    const other = tempKey();
    expect(verifyRecords(chain, { publicKey: other.publicKey }).problems[0]).toMatch(
      /signed by another key/,
    );
    // Re-sealed by another key: each signature verifies, but not with the hall's key.
    const forged: SealedRecord[] = [];
    for (const r of chain) {
      const { seq: _s, prevHash: _p, signature: _g, ...body } = r;
      forged.push(sealRecord(body, forged.at(-1) ?? null, other));
    }
    expect(verifyRecords(forged).valid).toBe(true);
    expect(verifyRecords(forged, { publicKey: key.publicKey }).valid).toBe(false);
    // A forged outcome is caught by the re-tally even when freshly signed.
    const lie = sealRecord(
      { ...bodyFor(1, 'anhui-2013', { satisfied: 30 }), outcome: 'satisfied' },
      null,
      other,
    );
    expect(verifyRecords(lie).problems.join()).toMatch(
      /outcome satisfied does not follow from the counts \(re-tally: unsatisfied\)/,
    );
  });

  it('names what is wrong with malformed input', () => {
    expect(verifyRecords(42).problems).toEqual(['record #1: not a JSON object']);
    const noSig = clone(chain[0]!) as Partial<SealedRecord>;
    delete noSig.signature;
    expect(verifyRecords(noSig).problems).toContain('record seq 1: signature missing');
    expect(verifyRecords(chain, { publicKey: 'abc' }).problems[0]).toMatch(/--public-key is not/);
  });

  it('checks that a correction names an earlier record of its vote by its true hash, once', () => {
    const correction = (target: SealedRecord, prev: SealedRecord, over = {}) =>
      sealRecord(
        {
          ...bodyFor(target.voteId, 'anhui-2013', { satisfied: 20, unsatisfied: 34 }),
          announcedAt: '2026-11-26T11:00:00.000Z',
          corrects: { seq: target.seq, hash: canonicalHash(target), reason: '更正计票错误' },
          ...over,
        },
        prev,
        key,
      );
    const fixed = correction(chain[0]!, chain[2]!);
    expect(verifyRecords([...chain, fixed]).problems).toEqual([]);
    expect(fixed.outcome).toBe('unsatisfied');

    const wrongHash = correction(chain[0]!, chain[2]!, {
      corrects: { seq: 1, hash: canonicalHash(chain[1]), reason: '更正' },
    });
    expect(verifyRecords([...chain, wrongHash]).problems).toEqual([
      'record seq 4: corrects.hash does not match record 1',
    ]);
    const otherVote = correction(chain[0]!, chain[2]!, { voteId: 9 });
    expect(verifyRecords([...chain, otherVote]).problems).toEqual([
      'record seq 4: corrects seq 1, a record of another vote',
    ]);
    const twice = correction(chain[0]!, fixed);
    expect(verifyRecords([...chain, fixed, twice]).problems).toEqual([
      'record seq 5: record 1 is corrected twice',
    ]);
    const noReason = correction(chain[0]!, chain[2]!, {
      corrects: { seq: 1, hash: canonicalHash(chain[0]), reason: '' },
    });
    expect(verifyRecords(noReason).problems).toEqual([
      'record seq 4: corrects must be null or {seq, hash, reason}',
    ]);
  });
});
