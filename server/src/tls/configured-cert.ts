import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TlsError } from './pki';

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
