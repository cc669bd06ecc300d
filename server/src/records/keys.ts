import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { destroyFile, ensurePrivateDir, writeFileDurably } from '../db/durable-file';

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

export interface KeyMoveLog {
  info(obj: object, msg: string): void;
}

/**
 * Load the hall's key from the key directory (HALL_KEY_DIR), or make it at first start (0600,
 * written durably). The Hall first calls `moveLegacySigningKey`.
 */
export function loadOrCreateKey(keyDir: string): HallKey {
  ensurePrivateDir(keyDir);
  const file = path.join(keyDir, KEY_FILE);
  let privateKey: KeyObject;
  if (existsSync(file)) {
    privateKey = createPrivateKey(readFileSync(file));
  } else {
    privateKey = generateKeyPairSync('ed25519').privateKey;
    writeFileDurably(file, Buffer.from(privateKey.export({ format: 'pem', type: 'pkcs8' })));
  }
  chmodSync(file, 0o600);
  return { privateKey, publicKey: publicKeyBase64(createPublicKey(privateKey)) };
}

/**
 * At start: a signing key an earlier version kept in the data directory is moved into the key
 * directory, once: copied and fsynced, then destroyed in the data directory (zeros, unlink,
 * fsync), and the move logged. A crash in between leaves two equal copies, and the next start
 * removes the data directory's; two different keys are refused (a person decides which).
 */
export function moveLegacySigningKey(dataDir: string, keyDir: string, log: KeyMoveLog): void {
  const from = path.join(dataDir, KEY_FILE);
  const to = path.join(keyDir, KEY_FILE);
  if (path.resolve(from) === path.resolve(to) || !existsSync(from)) return;
  ensurePrivateDir(keyDir);
  const bytes = readFileSync(from);
  if (existsSync(to)) {
    if (!readFileSync(to).equals(bytes)) {
      throw new Error(
        `数据目录中的签名密钥 ${from} 与密钥目录中的 ${to} 不同，请人工确认保留哪一个 / the signing key ${from} in the data directory differs from ${to} in the key directory: decide which one the hall signs with, and remove the other`,
      );
    }
  } else {
    createPrivateKey(bytes); // a damaged file is refused before anything moves
    writeFileDurably(to, bytes);
  }
  bytes.fill(0);
  destroyFile(from);
  log.info(
    { from, to },
    'moved the record-signing key out of the data directory into the key directory (HALL_KEY_DIR)',
  );
}

export function signBytes(key: KeyObject, bytes: Buffer): string {
  return sign(null, bytes, key).toString('base64');
}

export function verifyBytes(publicKey: KeyObject, bytes: Buffer, signatureBase64: string): boolean {
  if (!/^[A-Za-z0-9+/]{86}==$/.test(signatureBase64)) return false;
  return verify(null, bytes, publicKey, Buffer.from(signatureBase64, 'base64'));
}
