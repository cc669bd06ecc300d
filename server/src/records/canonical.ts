import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * The canonical form of a record (CONTRACT.md §5): RFC 8785 JSON canonicalization (JCS), UTF-8.
 * Implemented by the `canonicalize` package, the reference implementation of the RFC's authors.
 */
export function canonicalBytes(value: unknown): Buffer {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value has no canonical JSON form');
  return Buffer.from(text, 'utf8');
}

/** Lower-case hex SHA-256 of the canonical form (the chain's `prevHash`). */
export function canonicalHash(value: unknown): string {
  return createHash('sha256').update(canonicalBytes(value)).digest('hex');
}
