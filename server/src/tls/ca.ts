/**
 * The hall's local CA (hall-certs.ts): made once, at the first start of a TLS hall, and kept for
 * good (`hall-ca.key`, `hall-ca.crt` in the key directory): the hall's tablets trust it.
 */
import { createPrivateKey, webcrypto, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { ALG, DAY, privatePem, serial, TlsError, writeSecret, x509 } from './pki';

/** The CA lives long: re-installing it on every tablet is the cost of a new one. */
const CA_DAYS = 20 * 365;

export interface LoadedCa {
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
export function loadCa(keyFile: string, certFile: string, published: string): LoadedCa | null {
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

/** A new CA: its key pair and self-signed certificate, valid from a day ago for CA_DAYS. */
export async function makeCa(now: Date, hostname: string): Promise<LoadedCa> {
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
