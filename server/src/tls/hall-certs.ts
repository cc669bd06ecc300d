/**
 * The hall's own TLS certificates (issue 10, transport): a local CA made once, at the first start
 * of a TLS hall, and a server certificate signed by it for the names the hall is reached by.
 *
 * In the key directory (HALL_KEY_DIR, mode 0700; every file 0600):
 * - `hall-ca.key`, `hall-ca.crt`: the CA. Kept for good: the hall's tablets trust it.
 * - `hall-tls.key`, `hall-tls.crt`: the server certificate, re-made (with a new key) when the
 *   names change, when it nears expiry, or when it is not the CA's.
 * The CA certificate, being public, is also copied to `$HALL_DATA_DIR/hall-ca.crt` (0600), where
 * the `hall` CLI finds it and a technician can copy it from.
 *
 * ECDSA P-256 / SHA-256 keys and signatures through WebCrypto (`@peculiar/x509` builds the
 * certificates); node:crypto's X509Certificate reads them back.
 *
 * This file is the entry (`ensureHallCertificates`); the CA is in ca.ts, the server certificate
 * and the names it covers in server-cert.ts, what both share in pki.ts, and a certificate given
 * by HALL_TLS_CERT / HALL_TLS_KEY is checked in configured-cert.ts.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCa, makeCa } from './ca';
import { CA_CERT_FILE, CA_KEY_FILE, SERVER_CERT_FILE, SERVER_KEY_FILE } from './files';
import { writeSecret } from './pki';
import { hallNames, keptServer, loadServer, makeServer, type TlsName } from './server-cert';

export { loadConfiguredCertificate } from './configured-cert';
export { TlsError } from './pki';
export { hallNames, parseNameList, type TlsName } from './server-cert';

export interface HallCertificates {
  /** PEM of the server's private key (PKCS #8). */
  key: string;
  /** PEM of the server certificate. */
  cert: string;
  /** PEM of the hall CA's certificate. */
  ca: string;
  /** SHA-256 fingerprint of the CA certificate, `AB:CD:…` as tablets show it. */
  caFingerprint: string;
  /** Where the CA certificate was written in the data directory. */
  caFile: string;
  /** The names the server certificate covers. */
  names: TlsName[];
  /** What this start made: a new CA, a new server certificate. */
  made: { ca: boolean; server: boolean };
  serverNotAfter: Date;
}

export interface CertOptions {
  keyDir: string;
  dataDir: string;
  /** HALL_TLS_NAMES, split: further host names or addresses. */
  extraNames?: readonly string[];
  now?: Date;
  /** Tests: the machine's host name and interfaces. */
  hostname?: string;
  interfaces?: NodeJS.Dict<os.NetworkInterfaceInfo[]>;
}

/**
 * Make (at first start) or load the hall CA and its server certificate: see the file comment.
 * Idempotent; a restart keeps the CA and, unless the names changed or expiry is near, the
 * server certificate.
 */
export async function ensureHallCertificates(opts: CertOptions): Promise<HallCertificates> {
  const now = opts.now ?? new Date();
  const names = hallNames({
    hostname: opts.hostname ?? os.hostname(),
    interfaces: opts.interfaces ?? os.networkInterfaces(),
    ...(opts.extraNames ? { extraNames: opts.extraNames } : {}),
  });
  mkdirSync(opts.keyDir, { recursive: true, mode: 0o700 });
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const file = (name: string) => path.join(opts.keyDir, name);

  let made = { ca: false, server: false };
  const caFile = path.join(opts.dataDir, CA_CERT_FILE);
  let ca = loadCa(file(CA_KEY_FILE), file(CA_CERT_FILE), caFile);
  if (!ca) {
    ca = await makeCa(now, opts.hostname ?? os.hostname());
    // The key first: a crash between the two leaves a key without a certificate, made anew.
    writeSecret(file(CA_KEY_FILE), ca.keyPem);
    writeSecret(file(CA_CERT_FILE), ca.certPem);
    made = { ...made, ca: true };
  }

  let server = keptServer(
    loadServer(file(SERVER_KEY_FILE), file(SERVER_CERT_FILE), ca.cert),
    names,
    now,
  );
  if (!server) {
    server = await makeServer(now, ca, names, opts.hostname ?? os.hostname());
    writeSecret(file(SERVER_KEY_FILE), server.keyPem);
    writeSecret(file(SERVER_CERT_FILE), server.certPem);
    made = { ...made, server: true };
  }

  const published = existsSync(caFile) ? readFileSync(caFile, 'utf8') : null;
  if (published !== ca.certPem) writeSecret(caFile, ca.certPem);

  return {
    key: server.keyPem,
    cert: server.certPem,
    ca: ca.certPem,
    caFingerprint: ca.cert.fingerprint256,
    caFile,
    names: server.names,
    made,
    serverNotAfter: server.notAfter,
  };
}
