/**
 * What the hall CA (ca.ts) and its server certificate (server-cert.ts) share: WebCrypto as
 * `@peculiar/x509`'s provider, the key algorithm (ECDSA P-256 / SHA-256), random serial numbers,
 * PEM of a private key, and writing a key or certificate file whole (0600).
 */
import 'reflect-metadata'; // @peculiar/x509 (tsyringe) needs it, before it loads
import * as x509 from '@peculiar/x509';
import { randomBytes, webcrypto } from 'node:crypto';
import { chmodSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';

export { x509 };

// Node's WebCrypto is the DOM's `Crypto` (the server's tsconfig has no DOM types).
x509.cryptoProvider.set(webcrypto as never);

export const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
export const DAY = 24 * 60 * 60 * 1000;

/** A refusal of the TLS set-up (bad files, bad names): names the file or the variable. */
export class TlsError extends Error {
  override name = 'ConfigError';
}

/** A positive random 128-bit serial number, as hex. */
export function serial(): string {
  const b = randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x01;
  return b.toString('hex');
}

export async function privatePem(key: webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  const lines = der.toString('base64').match(/.{1,64}/g)!;
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

export function pemBody(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

/** Written whole or not at all (temp file, then rename), mode 0600. */
export function writeSecret(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // never written
    }
    throw e;
  }
}
