import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The hall's signing key (Ed25519, node:crypto). */
export interface HallKey {
  privateKey: KeyObject;
  /** Standard padded base64 of the raw 32-byte public key (CONTRACT.md §5). */
  publicKey: string;
}

export const KEY_FILE = 'hall-signing-key.pem';

const b64urlToB64 = (s: string) => Buffer.from(s, 'base64url').toString('base64');

/** The raw 32-byte public key, standard padded base64. */
export function publicKeyBase64(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return b64urlToB64(jwk.x);
}

/** A public key from its standard base64 form; undefined when it is not a raw 32-byte key. */
export function importPublicKey(base64: string): KeyObject | undefined {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(base64)) return undefined;
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32) return undefined;
  try {
    return createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
      format: 'jwk',
    });
  } catch {
    return undefined;
  }
}

/**
 * A short fingerprint for people to compare on screens and printouts: the first 16 bytes of
 * SHA-256 over the raw public key, hex in groups of four.
 */
export function keyFingerprint(publicKey: string): string {
  const hex = createHash('sha256')
    .update(Buffer.from(publicKey, 'base64'))
    .digest('hex')
    .slice(0, 32);
  return hex.match(/.{4}/g)!.join(':');
}

/** Load the hall's key from the data directory, or make it at first start (mode 0600). */
export function loadOrCreateKey(dataDir: string): HallKey {
  const file = path.join(dataDir, KEY_FILE);
  let privateKey: KeyObject;
  if (existsSync(file)) {
    privateKey = createPrivateKey(readFileSync(file));
  } else {
    privateKey = generateKeyPairSync('ed25519').privateKey;
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), {
      mode: 0o600,
      flag: 'wx',
    });
  }
  chmodSync(file, 0o600);
  return { privateKey, publicKey: publicKeyBase64(createPublicKey(privateKey)) };
}

export function signBytes(key: KeyObject, bytes: Buffer): string {
  return sign(null, bytes, key).toString('base64');
}

export function verifyBytes(publicKey: KeyObject, bytes: Buffer, signatureBase64: string): boolean {
  if (!/^[A-Za-z0-9+/]{86}==$/.test(signatureBase64)) return false;
  return verify(null, bytes, publicKey, Buffer.from(signatureBase64, 'base64'));
}
