/** The files of the hall's TLS set-up (tls/hall-certs.ts, ca.ts, server-cert.ts), named apart for the CLI. */
export const CA_KEY_FILE = 'hall-ca.key';
/** The hall CA's certificate: in the key directory, and its public copy in the data directory. */
export const CA_CERT_FILE = 'hall-ca.crt';
export const SERVER_KEY_FILE = 'hall-tls.key';
export const SERVER_CERT_FILE = 'hall-tls.crt';
