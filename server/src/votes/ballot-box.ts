import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A ballot slot's box (server/SECRECY.md "What each commit writes"): AES-256-GCM under the
 * vote's ballot key, a fresh random 12-byte nonce every time it is written, the vote id and the
 * slot number bound as associated data (a box copied into another slot or vote does not open).
 *
 * Every box has the same length whatever it holds: the plaintext is always PLAIN_BYTES long
 * (version, kind, option index), so an empty slot, a 满意 and an invalid ballot are the same
 * 32 random-looking bytes: nonce (12) ‖ ciphertext (4) ‖ tag (16).
 */
export type BoxContent =
  { kind: 'empty' } | { kind: 'option'; index: number } | { kind: 'invalid' };

export const BALLOT_KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const PLAIN_BYTES = 4;
const VERSION = 1;
export const BOX_BYTES = NONCE_BYTES + PLAIN_BYTES + TAG_BYTES;

const KIND: Record<BoxContent['kind'], number> = { empty: 0, option: 1, invalid: 2 };

function aad(voteId: number, slot: number): Buffer {
  return Buffer.from(`hall-ballot/v${VERSION}/vote/${voteId}/slot/${slot}`, 'utf8');
}

function plaintext(c: BoxContent): Buffer {
  const p = Buffer.alloc(PLAIN_BYTES);
  p[0] = VERSION;
  p[1] = KIND[c.kind];
  p.writeUInt16BE(c.kind === 'option' ? c.index : 0, 2);
  return p;
}

export function sealBox(key: Buffer, voteId: number, slot: number, c: BoxContent): Buffer {
  if (key.length !== BALLOT_KEY_BYTES) throw new Error('a ballot key is 32 bytes');
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(voteId, slot));
  const p = plaintext(c);
  const body = Buffer.concat([cipher.update(p), cipher.final()]);
  p.fill(0);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** Open a box; throws when it was not sealed under this key for this vote and slot. */
export function openBox(key: Buffer, voteId: number, slot: number, box: Buffer): BoxContent {
  if (box.length !== BOX_BYTES) throw new Error(`ballot box ${voteId}/${slot}: wrong length`);
  const decipher = createDecipheriv('aes-256-gcm', key, box.subarray(0, NONCE_BYTES), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(aad(voteId, slot));
  decipher.setAuthTag(box.subarray(NONCE_BYTES + PLAIN_BYTES));
  let p: Buffer;
  try {
    p = Buffer.concat([
      decipher.update(box.subarray(NONCE_BYTES, NONCE_BYTES + PLAIN_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new Error(`ballot box ${voteId}/${slot} does not open under the vote's key`);
  }
  const kind = p[1];
  const index = p.readUInt16BE(2);
  const version = p[0];
  p.fill(0);
  if (version !== VERSION) throw new Error(`ballot box ${voteId}/${slot}: unknown version`);
  if (kind === KIND.empty) return { kind: 'empty' };
  if (kind === KIND.option) return { kind: 'option', index };
  if (kind === KIND.invalid) return { kind: 'invalid' };
  throw new Error(`ballot box ${voteId}/${slot}: unknown content`);
}
