/**
 * The hall's server certificate (hall-certs.ts) and the names it covers: signed by the hall CA
 * (ca.ts) for every name the hall is reached by, re-made (with a new key) when the names change,
 * when it nears expiry, or when it is not the CA's (`hall-tls.key`, `hall-tls.crt`).
 */
import { createPrivateKey, webcrypto, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type os from 'node:os';
import type { LoadedCa } from './ca';
import { ALG, DAY, pemBody, privatePem, serial, TlsError, x509 } from './pki';

/** Under Apple's 825-day limit for server certificates (iPadOS refuses longer ones). */
const SERVER_DAYS = 397;
/** Re-made at start when fewer days than this remain. */
const RENEW_DAYS = 30;

/** One subject alternative name of the server certificate. */
export interface TlsName {
  type: 'dns' | 'ip';
  value: string;
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

export interface LoadedServer {
  keyPem: string;
  certPem: string;
  names: TlsName[];
  notBefore: Date;
  notAfter: Date;
}

/** The server certificate if it is whole, the CA's and matches its key; else null (re-make). */
export function loadServer(
  keyFile: string,
  certFile: string,
  ca: X509Certificate,
): LoadedServer | null {
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

/**
 * The stored server certificate if it can be kept at start, else null (re-make it): null when
 * there is none to keep, its names are not the hall's, fewer than RENEW_DAYS remain, or it is
 * not valid yet (by more than a day).
 */
export function keptServer(
  server: LoadedServer | null,
  names: readonly TlsName[],
  now: Date,
): LoadedServer | null {
  if (
    !server ||
    !sameNames(server.names, names) ||
    server.notAfter.getTime() - now.getTime() < RENEW_DAYS * DAY ||
    server.notBefore.getTime() > now.getTime() + DAY
  )
    return null;
  return server;
}

/** A new server certificate (and key) for `names`, signed by the CA, valid for SERVER_DAYS. */
export async function makeServer(
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
