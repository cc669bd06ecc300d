import { createPrivateKey, createPublicKey } from 'node:crypto';
import { publicKeyBase64, type HallKey } from '../src/records/keys';

/**
 * A fixed Ed25519 key for tests (PKCS#8 of a constant 32-byte seed). Ed25519 signatures are
 * deterministic, so two sittings sealed with it are byte-comparable (the secrecy test).
 */
export function testSigningKey(): HallKey {
  const seed = Buffer.alloc(32, 7);
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: publicKeyBase64(createPublicKey(privateKey)) };
}
