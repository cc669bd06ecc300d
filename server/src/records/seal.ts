import { canonicalBytes, canonicalHash } from './canonical';
import { signBytes, type HallKey } from './keys';
import type { RecordBody, SealedRecord } from '@hall/shared';

/**
 * Seal a record: the next `seq` in the hall's chain, `prevHash` = SHA-256 of the previous
 * record's canonical form including its signature (null for seq 1), and an Ed25519 signature
 * over the canonical form of the record without its `signature` member (CONTRACT.md §5).
 */
export function sealRecord(
  body: RecordBody,
  previous: SealedRecord | null,
  key: HallKey,
): SealedRecord {
  const unsigned = {
    ...body,
    seq: previous ? previous.seq + 1 : 1,
    prevHash: previous ? canonicalHash(previous) : null,
  };
  const value = signBytes(key.privateKey, canonicalBytes(unsigned));
  return { ...unsigned, signature: { alg: 'Ed25519', publicKey: key.publicKey, value } };
}
