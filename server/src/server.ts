/**
 * The hall server process: `npm start` (CONTRACT.md §2). Reads the environment, builds the app,
 * starts the seat hardware and listens; SIGTERM/SIGINT close it cleanly (a SIGKILL loses
 * nothing acknowledged: every "registered" was committed first).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp, startHall } from './app';
import { demoRosterCsv } from './config/demo-hall';
import { quorumRule } from './attendance/quorum';
import { readEnv } from './config/env';
import { createLogger } from './config/logger';
import { DATA_DIR, KEY_DIR, preparePrivateDir } from './config/private-dir';
import { startAutoPress } from './demo/auto-press';

const log = createLogger({ level: process.env.HALL_LOG_LEVEL ?? 'info' });

async function main(): Promise<void> {
  const env = readEnv(process.env);
  // Everything the hall writes is its own (server/SECRECY.md): files 0600, directories 0700.
  process.umask(0o077);
  preparePrivateDir(env.dataDir, DATA_DIR);
  preparePrivateDir(env.keyDir, KEY_DIR);
  const tls = env.tls ? await serverTls(process.env, env.keyDir, env.dataDir) : undefined;
  const app = await buildApp({
    config: env.config,
    dataDir: env.dataDir,
    keyDir: env.keyDir,
    demo: env.demo,
    logger: log,
    operatorToken: env.operatorToken,
    sessionIdleMinutes: env.sessionIdleMinutes,
    sessionMaxHours: env.sessionMaxHours,
    ...(tls ? { tls } : {}),
  });
  if (env.demo) {
    const csv = demoRosterCsv();
    const file = path.join(env.dataDir, 'demo-roster.csv');
    writeFileSync(file, csv);
    if (app.hall.roster.all().length === 0) app.hall.importRoster(Buffer.from(csv));
    log.info(
      {
        rosterFile: file,
        users: 'chair/chair-demo, secretariat/secretariat-demo, technician/technician-demo',
      },
      'demo hall: simulated seats, demo roster loaded',
    );
  }
  await startHall(app);
  const stopAuto = env.autoPress ? startAutoPress(app.hall) : () => {};
  await app.listen({ port: env.port, host: env.host });
  log.info(
    {
      port: env.port,
      url: `${tls ? 'https' : 'http'}://<hall>:${env.port}/`,
      dataDir: env.dataDir,
      hall: env.config.hall,
      seats: env.config.seats.length,
      quorum: quorumRule(env.config.quorum).zh,
    },
    'hall server ready',
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    stopAuto();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/**
 * HTTPS for a TLS hall (README "HTTPS on the hall LAN"): the certificate of HALL_TLS_CERT and
 * HALL_TLS_KEY, or the hall's own, signed by its local CA (made at first start, kept after).
 */
async function serverTls(
  e: NodeJS.ProcessEnv,
  keyDir: string,
  dataDir: string,
): Promise<{ key: string; cert: string; ca?: string }> {
  // Loaded only for a TLS hall: @peculiar/x509 is half a second of every start of a plain one.
  const { ensureHallCertificates, loadConfiguredCertificate, parseNameList, TlsError } =
    await import('./tls/hall-certs');
  const certFile = e.HALL_TLS_CERT;
  const keyFile = e.HALL_TLS_KEY;
  if (certFile || keyFile) {
    if (!certFile || !keyFile) {
      throw new TlsError(
        'HALL_TLS_CERT 与 HALL_TLS_KEY 须同时设置 / HALL_TLS_CERT and HALL_TLS_KEY go together: set both or neither',
      );
    }
    const given = loadConfiguredCertificate(path.resolve(certFile), path.resolve(keyFile));
    log.info(
      { cert: certFile, fingerprint: given.fingerprint, notAfter: given.notAfter.toISOString() },
      'TLS: serving the configured certificate (HALL_TLS_CERT)',
    );
    return { key: given.key, cert: given.cert };
  }
  const made = await ensureHallCertificates({
    keyDir,
    dataDir,
    extraNames: parseNameList(e.HALL_TLS_NAMES),
  });
  if (made.made.ca) {
    log.warn(
      { caFile: made.caFile, caSha256: made.caFingerprint },
      'TLS: a new hall CA was made: install it on every tablet (README "HTTPS on the hall LAN")',
    );
  }
  if (made.made.server) log.info('TLS: a new server certificate was made');
  log.info(
    {
      caFile: made.caFile,
      caSha256: made.caFingerprint,
      names: made.names.map((n) => n.value),
      serverCertNotAfter: made.serverNotAfter.toISOString(),
    },
    `TLS: hall CA SHA-256 fingerprint ${made.caFingerprint} (compare on each tablet; download at /ca.crt)`,
  );
  return { key: made.key, cert: made.cert, ca: made.ca };
}

main().catch((err: unknown) => {
  const e = err as Error;
  // A refusal the operator acts on (a config, a database newer than this program) is its message.
  const expected = e.name === 'ConfigError' || e.name === 'SchemaTooNewError';
  log.fatal({ err: expected ? e.message : e }, 'hall server failed to start');
  process.stderr.write(`hall server: ${e.message}\n`);
  process.exit(1);
});
