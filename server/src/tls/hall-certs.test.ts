import { X509Certificate } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import type { NetworkInterfaceInfo } from 'node:os';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect, createServer } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ensureHallCertificates,
  hallNames,
  loadConfiguredCertificate,
  parseNameList,
  type CertOptions,
} from './hall-certs';
import { CA_CERT_FILE, CA_KEY_FILE, SERVER_CERT_FILE, SERVER_KEY_FILE } from './files';

const iface = (address: string, internal = false): NetworkInterfaceInfo =>
  ({
    address,
    internal,
    family: address.includes(':') ? 'IPv6' : 'IPv4',
    netmask: '',
    mac: '00:00:00:00:00:00',
    cidr: null,
    ...(address.includes(':') ? { scopeid: 0 } : {}),
  }) as NetworkInterfaceInfo;

const INTERFACES = {
  lo: [iface('127.0.0.1', true), iface('::1', true)],
  eth0: [iface('192.168.10.5'), iface('fd00::2'), iface('fe80::fc:ff:fe00:1')],
};

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(): CertOptions {
  const root = mkdtempSync(path.join(tmpdir(), 'hall-tls-'));
  dirs.push(root);
  return {
    keyDir: path.join(root, 'keys'),
    dataDir: path.join(root, 'data'),
    hostname: 'hall-server',
    interfaces: INTERFACES,
    now: new Date('2026-11-26T09:00:00.000Z'),
  };
}

const mode = (file: string) => statSync(file).mode & 0o777;

describe('the names of the server certificate', () => {
  it('covers localhost, loopback, the host name and every non-internal address', () => {
    const names = hallNames({
      hostname: 'Hall-Server',
      interfaces: INTERFACES,
      extraNames: ['hall.example.org', '10.0.0.7', '0:0:0:0:0:0:0:1', '[fd00::2]'],
    });
    expect(names).toEqual([
      { type: 'dns', value: 'hall-server' },
      { type: 'dns', value: 'hall-server.local' },
      { type: 'dns', value: 'hall.example.org' },
      { type: 'dns', value: 'localhost' },
      { type: 'ip', value: '::1' },
      { type: 'ip', value: '10.0.0.7' },
      { type: 'ip', value: '127.0.0.1' },
      { type: 'ip', value: '192.168.10.5' },
      { type: 'ip', value: 'fd00::2' },
      { type: 'ip', value: 'fe80::fc:ff:fe00:1' },
    ]);
  });

  it('reads HALL_TLS_NAMES and refuses what is no name', () => {
    expect(parseNameList(' a.example , ,10.0.0.1,')).toEqual(['a.example', '10.0.0.1']);
    expect(parseNameList(undefined)).toEqual([]);
    expect(() => hallNames({ hostname: 'h', interfaces: {}, extraNames: ['https://x/'] })).toThrow(
      /HALL_TLS_NAMES: "https:\/\/x\/" is not a host name or IP address/,
    );
  });
});

describe('the hall CA and its server certificate', () => {
  it('are made at first start: CA key 0600 in a 0700 key dir, the CA also in the data dir', async () => {
    const o = setup();
    const c = await ensureHallCertificates(o);
    expect(c.made).toEqual({ ca: true, server: true });
    expect(mode(o.keyDir)).toBe(0o700);
    for (const f of [CA_KEY_FILE, CA_CERT_FILE, SERVER_KEY_FILE, SERVER_CERT_FILE]) {
      expect(mode(path.join(o.keyDir, f))).toBe(0o600);
    }
    expect(readFileSync(path.join(o.keyDir, CA_KEY_FILE), 'utf8')).toMatch(
      /^-----BEGIN PRIVATE KEY-----/,
    );
    expect(c.caFile).toBe(path.join(o.dataDir, CA_CERT_FILE));
    expect(readFileSync(c.caFile, 'utf8')).toBe(c.ca);
    expect(mode(c.caFile)).toBe(0o600);
    // Nothing secret in the data directory.
    expect(c.ca).not.toMatch(/PRIVATE KEY/);

    const ca = new X509Certificate(c.ca);
    const cert = new X509Certificate(c.cert);
    expect(ca.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(ca) && cert.verify(ca.publicKey)).toBe(true);
    expect(c.caFingerprint).toBe(ca.fingerprint256);
    expect(c.caFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    for (const host of ['localhost', 'hall-server', 'hall-server.local']) {
      expect(cert.checkHost(host)).toBe(host);
    }
    for (const ip of ['127.0.0.1', '::1', '192.168.10.5', 'fd00::2', 'fe80::fc:ff:fe00:1']) {
      expect(cert.checkIP(ip)).toBe(ip);
    }
    expect(cert.checkHost('other.example')).toBeUndefined();
    const days = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000;
    expect(days).toBeLessThanOrEqual(825); // iPadOS refuses longer server certificates
  });

  it('serve TLS that a client trusting only the CA accepts', async () => {
    const o = setup();
    const c = await ensureHallCertificates({ ...o, now: new Date() });
    const server = createServer({ key: c.key, cert: c.cert }, (s) => s.end('hello'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const text = await new Promise<string>((resolve, reject) => {
        const s = connect({ host: '127.0.0.1', port, ca: c.ca, servername: 'localhost' });
        let got = '';
        s.on('data', (d: Buffer) => (got += d.toString()));
        s.on('end', () => resolve(got));
        s.on('error', reject);
      });
      expect(text).toBe('hello');
      // Without the CA, the certificate is not trusted.
      const refused = await new Promise<string>((resolve) => {
        const s = connect({ host: '127.0.0.1', port, servername: 'localhost' });
        s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
        s.on('secureConnect', () => resolve('connected'));
      });
      expect(refused).toMatch(/UNABLE_TO_VERIFY|SELF_SIGNED|UNABLE_TO_GET_ISSUER/);
    } finally {
      server.close();
    }
  });

  it('are kept at restart when nothing changed', async () => {
    const o = setup();
    const first = await ensureHallCertificates(o);
    const again = await ensureHallCertificates({ ...o, now: new Date('2026-12-01T00:00:00Z') });
    expect(again.made).toEqual({ ca: false, server: false });
    expect(again.ca).toBe(first.ca);
    expect(again.cert).toBe(first.cert);
    expect(again.key).toBe(first.key);
  });

  it('re-make only the server certificate when the names change, keeping the CA', async () => {
    const o = setup();
    const first = await ensureHallCertificates(o);
    const named = await ensureHallCertificates({ ...o, extraNames: ['hall.example.org'] });
    expect(named.made).toEqual({ ca: false, server: true });
    expect(named.ca).toBe(first.ca);
    expect(named.caFingerprint).toBe(first.caFingerprint);
    expect(named.key).not.toBe(first.key);
    const cert = new X509Certificate(named.cert);
    expect(cert.checkHost('hall.example.org')).toBe('hall.example.org');
    expect(cert.verify(new X509Certificate(first.ca).publicKey)).toBe(true);
    expect(readFileSync(path.join(o.keyDir, SERVER_CERT_FILE), 'utf8')).toBe(named.cert);

    // A new address on the LAN (a new interface) is a change of names too.
    const moved = await ensureHallCertificates({
      ...o,
      extraNames: ['hall.example.org'],
      interfaces: { ...INTERFACES, wlan0: [iface('10.1.2.3')] },
    });
    expect(moved.made).toEqual({ ca: false, server: true });
    expect(new X509Certificate(moved.cert).checkIP('10.1.2.3')).toBe('10.1.2.3');
    expect(moved.ca).toBe(first.ca);
  });

  it('re-make the server certificate when it nears expiry, keeping the CA', async () => {
    const o = setup();
    const first = await ensureHallCertificates(o);
    const later = new Date(o.now!.getTime() + 380 * 86_400_000);
    const renewed = await ensureHallCertificates({ ...o, now: later });
    expect(renewed.made).toEqual({ ca: false, server: true });
    expect(renewed.ca).toBe(first.ca);
    expect(renewed.serverNotAfter.getTime()).toBeGreaterThan(first.serverNotAfter.getTime());
  });

  it('re-make a server certificate that is not the CA’s, and restore the published CA', async () => {
    const o = setup();
    const first = await ensureHallCertificates(o);
    const other = setup();
    await ensureHallCertificates(other);
    writeFileSync(
      path.join(o.keyDir, SERVER_CERT_FILE),
      readFileSync(path.join(other.keyDir, SERVER_CERT_FILE)),
    );
    // A crash at first start after the key was written: the published copy restores the cert.
    unlinkSync(path.join(o.keyDir, CA_CERT_FILE));
    const fixed = await ensureHallCertificates(o);
    expect(fixed.made).toEqual({ ca: false, server: true });
    expect(fixed.ca).toBe(first.ca);
    expect(existsSync(path.join(o.keyDir, CA_CERT_FILE))).toBe(true);
  });

  it('refuse to replace a CA whose key is lost (tablets trust it)', async () => {
    const o = setup();
    await ensureHallCertificates(o);
    unlinkSync(path.join(o.keyDir, CA_KEY_FILE));
    await expect(ensureHallCertificates(o)).rejects.toThrow(/the hall CA key .* is missing/);
  });
});

describe('a configured certificate (HALL_TLS_CERT, HALL_TLS_KEY)', () => {
  it('is served when its key matches, refused naming the file when not', async () => {
    const a = setup();
    const b = setup();
    await ensureHallCertificates(a);
    await ensureHallCertificates(b);
    const certA = path.join(a.keyDir, SERVER_CERT_FILE);
    const keyA = path.join(a.keyDir, SERVER_KEY_FILE);
    const keyB = path.join(b.keyDir, SERVER_KEY_FILE);
    const given = loadConfiguredCertificate(certA, keyA);
    expect(given.cert).toBe(readFileSync(certA, 'utf8'));
    expect(() => loadConfiguredCertificate(certA, keyB)).toThrow(
      new RegExp(`HALL_TLS_KEY: ${keyB.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not the key of`),
    );
    expect(() => loadConfiguredCertificate('/nonexistent.crt', keyA)).toThrow(
      /HALL_TLS_CERT: cannot read \/nonexistent.crt/,
    );
  });
});
