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
 */
import 'reflect-metadata'; // @peculiar/x509 (tsyringe) needs it, before it loads
import * as x509 from '@peculiar/x509';
import { createPrivateKey, randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CA_CERT_FILE, CA_KEY_FILE, SERVER_CERT_FILE, SERVER_KEY_FILE } from './files';

// Node's WebCrypto is the DOM's `Crypto` (the server's tsconfig has no DOM types).
x509.cryptoProvider.set(webcrypto as never);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 24 * 60 * 60 * 1000;
/** The CA lives long: re-installing it on every tablet is the cost of a new one. */
const CA_DAYS = 20 * 365;
/** Under Apple's 825-day limit for server certificates (iPadOS refuses longer ones). */
const SERVER_DAYS = 397;
/** Re-made at start when fewer days than this remain. */
const RENEW_DAYS = 30;

/** One subject alternative name of the server certificate. */
export interface TlsName {
  type: 'dns' | 'ip';
  value: string;
}

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
 * The names the hall is reached by: `localhost`, `127.0.0.1`, `::1`, the host name (and
 * `<host>.local` for mDNS), every non-internal IPv4/IPv6 address, and the extra names.
 * Sorted and without duplicates, IP addresses in their canonical form.
 */
export function hallNames(opts: {
  hostname: string;
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]>;
  extraNames?: readonly string[];
}): TlsName[] {
  const raw: string[] = ['localhost', '127.0.0.1', '::1'];
  const host = opts.hostname.trim().toLowerCase();
  if (host && host !== 'localhost') {
    raw.push(host);
    if (!host.includes('.')) raw.push(`${host}.local`);
  }
  for (const list of Object.values(opts.interfaces)) {
    for (const i of list ?? []) if (!i.internal) raw.push(i.address);
  }
  raw.push(...(opts.extraNames ?? []));
  const seen = new Map<string, TlsName>();
  for (const r of raw) {
    const n = toName(r);
    if (n) seen.set(`${n.type}:${n.value}`, n);
  }
  return [...seen.values()].sort(compareNames);
}

/** `HALL_TLS_NAMES=hall.example, 10.0.0.5` → the names; an empty entry is skipped. */
export function parseNameList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function toName(text: string): TlsName | null {
  let s = text.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const zone = s.indexOf('%'); // fe80::1%eth0: the zone is no part of the address
  if (zone > 0 && isIP(s.slice(0, zone)) === 6) s = s.slice(0, zone);
  if (isIP(s)) return { type: 'ip', value: canonicalIp(s) };
  const dns = s.toLowerCase().replace(/\.$/, '');
  if (!/^(\*\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/.test(dns)) {
    throw new TlsError(
      `HALL_TLS_NAMES：“${text}”不是主机名或 IP 地址 / HALL_TLS_NAMES: "${text}" is not a host name or IP address`,
    );
  }
  return { type: 'dns', value: dns };
}

/** The WHATWG URL's form of an address (`::1`, `fe80::1`, `10.0.0.5`): one spelling each. */
function canonicalIp(ip: string): string {
  const host = new URL(`http://${isIP(ip) === 6 ? `[${ip}]` : ip}/`).hostname;
  return host.replace(/^\[|\]$/g, '');
}

function compareNames(a: TlsName, b: TlsName): number {
  return a.type === b.type ? a.value.localeCompare(b.value) : a.type === 'dns' ? -1 : 1;
}

function sameNames(a: readonly TlsName[], b: readonly TlsName[]): boolean {
  const key = (l: readonly TlsName[]) =>
    JSON.stringify([...l].sort(compareNames).map((n) => `${n.type}:${n.value}`));
  return key(a) === key(b);
}

/** A refusal of the TLS set-up (bad files, bad names): names the file or the variable. */
export class TlsError extends Error {
  override name = 'ConfigError';
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

  let server = loadServer(file(SERVER_KEY_FILE), file(SERVER_CERT_FILE), ca.cert);
  if (
    !server ||
    !sameNames(server.names, names) ||
    server.notAfter.getTime() - now.getTime() < RENEW_DAYS * DAY ||
    server.notBefore.getTime() > now.getTime() + DAY
  ) {
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

/** A certificate and key given by HALL_TLS_CERT and HALL_TLS_KEY, checked to belong together. */
export function loadConfiguredCertificate(
  certFile: string,
  keyFile: string,
): { cert: string; key: string; fingerprint: string; notAfter: Date } {
  const read = (file: string, variable: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (e) {
      throw new TlsError(
        `${variable}：无法读取 ${file}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}） / ${variable}: cannot read ${file}`,
      );
    }
  };
  const cert = read(certFile, 'HALL_TLS_CERT');
  const key = read(keyFile, 'HALL_TLS_KEY');
  let parsed: X509Certificate;
  try {
    parsed = new X509Certificate(cert);
  } catch {
    throw new TlsError(
      `HALL_TLS_CERT：${certFile} 不是 PEM 证书 / HALL_TLS_CERT: ${certFile} is not a PEM certificate`,
    );
  }
  let matches = false;
  try {
    matches = parsed.checkPrivateKey(createPrivateKey(key));
  } catch {
    throw new TlsError(
      `HALL_TLS_KEY：${keyFile} 不是 PEM 私钥 / HALL_TLS_KEY: ${keyFile} is not a PEM private key`,
    );
  }
  if (!matches) {
    throw new TlsError(
      `HALL_TLS_KEY：${keyFile} 与证书 ${certFile} 不匹配 / HALL_TLS_KEY: ${keyFile} is not the key of ${certFile}`,
    );
  }
  return { cert, key, fingerprint: parsed.fingerprint256, notAfter: new Date(parsed.validTo) };
}

interface LoadedCa {
  keyPem: string;
  certPem: string;
  cert: X509Certificate;
  key: webcrypto.CryptoKey | null;
}

/**
 * The CA in the key directory, or null when there is none to keep: neither file (first start),
 * or a key whose certificate was never written (a crash at first start; the data directory's
 * copy restores it if it was published). Refused when the two do not belong together.
 */
function loadCa(keyFile: string, certFile: string, published: string): LoadedCa | null {
  if (existsSync(keyFile) && !existsSync(certFile) && existsSync(published)) {
    try {
      const copy = readFileSync(published, 'utf8');
      if (new X509Certificate(copy).checkPrivateKey(createPrivateKey(readFileSync(keyFile)))) {
        writeSecret(certFile, copy);
      }
    } catch {
      // not the key's certificate: made anew below
    }
  }
  if (!existsSync(certFile)) return null;
  if (!existsSync(keyFile)) {
    throw new TlsError(
      `会场 CA 私钥 ${keyFile} 缺失，而证书 ${certFile} 仍在：若私钥确已丢失，删除该证书以生成新的 CA（各平板须重新安装） / the hall CA key ${keyFile} is missing but its certificate ${certFile} is there: if the key is lost, remove the certificate to make a new CA (every tablet must then install it again)`,
    );
  }
  const keyPem = readFileSync(keyFile, 'utf8');
  const certPem = readFileSync(certFile, 'utf8');
  let cert: X509Certificate;
  let matches = false;
  try {
    cert = new X509Certificate(certPem);
    matches = cert.ca && cert.checkPrivateKey(createPrivateKey(keyPem));
  } catch {
    throw new TlsError(
      `会场 CA 文件无法读取：${certFile}、${keyFile} / the hall CA files cannot be read: ${certFile}, ${keyFile}`,
    );
  }
  if (!matches) {
    throw new TlsError(
      `会场 CA 证书与私钥不匹配：${certFile}、${keyFile} / the hall CA certificate and key do not match: ${certFile}, ${keyFile}`,
    );
  }
  return { keyPem, certPem, cert, key: null };
}

interface LoadedServer {
  keyPem: string;
  certPem: string;
  names: TlsName[];
  notBefore: Date;
  notAfter: Date;
}

/** The server certificate if it is whole, the CA's and matches its key; else null (re-make). */
function loadServer(keyFile: string, certFile: string, ca: X509Certificate): LoadedServer | null {
  if (!existsSync(keyFile) || !existsSync(certFile)) return null;
  try {
    const keyPem = readFileSync(keyFile, 'utf8');
    const certPem = readFileSync(certFile, 'utf8');
    const cert = new X509Certificate(certPem);
    if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return null;
    if (!cert.checkPrivateKey(createPrivateKey(keyPem))) return null;
    const san = new x509.X509Certificate(certPem).getExtension(
      x509.SubjectAlternativeNameExtension,
    );
    const names = (san?.names.items ?? [])
      .filter((n) => n.type === 'dns' || n.type === 'ip')
      .map((n) => toName(n.value)!)
      .sort(compareNames);
    return {
      keyPem,
      certPem,
      names,
      notBefore: new Date(cert.validFrom),
      notAfter: new Date(cert.validTo),
    };
  } catch {
    return null;
  }
}

async function makeCa(now: Date, hostname: string): Promise<LoadedCa> {
  const keys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: [
      { CN: [`Hall local CA ${hostname} ${now.toISOString().slice(0, 10)}`] },
      { O: ['Hall voting'] },
    ],
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + CA_DAYS * DAY),
    signingAlgorithm: ALG,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const certPem = cert.toString('pem');
  return {
    keyPem: await privatePem(keys.privateKey),
    certPem,
    cert: new X509Certificate(certPem),
    key: keys.privateKey,
  };
}

async function makeServer(
  now: Date,
  ca: LoadedCa,
  names: TlsName[],
  hostname: string,
): Promise<LoadedServer> {
  const caKey =
    ca.key ?? (await webcrypto.subtle.importKey('pkcs8', pemBody(ca.keyPem), ALG, false, ['sign']));
  const caCert = new x509.X509Certificate(ca.certPem);
  const keys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const notBefore = new Date(now.getTime() - DAY);
  const notAfter = new Date(now.getTime() + SERVER_DAYS * DAY);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: [{ CN: [hostname.slice(0, 64) || 'localhost'] }, { O: ['Hall voting'] }],
    issuer: caCert.subject,
    notBefore,
    notAfter,
    signingAlgorithm: ALG,
    publicKey: keys.publicKey,
    signingKey: caKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names.map((n) => ({ ...n }))),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  const certPem = cert.toString('pem');
  const parsed = new X509Certificate(certPem);
  return {
    keyPem: await privatePem(keys.privateKey),
    certPem,
    names,
    notBefore: new Date(parsed.validFrom),
    notAfter: new Date(parsed.validTo),
  };
}

/** A positive random 128-bit serial number, as hex. */
function serial(): string {
  const b = randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x01;
  return b.toString('hex');
}

async function privatePem(key: webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  const lines = der.toString('base64').match(/.{1,64}/g)!;
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

function pemBody(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

/** Written whole or not at all (temp file, then rename), mode 0600. */
function writeSecret(file: string, text: string): void {
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
