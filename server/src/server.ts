/**
 * The hall server process: `npm start` (CONTRACT.md §2). Reads the environment, builds the app,
 * starts the seat hardware and listens; SIGTERM/SIGINT close it cleanly (a SIGKILL loses
 * nothing acknowledged: every "registered" was committed first).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { buildApp, startHall } from './app';
import { demoRosterCsv } from './config/demo-hall';
import { quorumRule } from './attendance/quorum';
import { readEnv } from './config/env';
import { DATA_DIR, KEY_DIR, preparePrivateDir } from './config/private-dir';
import { startAutoPress } from './demo/auto-press';

const log = pino({ level: process.env.HALL_LOG_LEVEL ?? 'info', base: { service: 'hall' } });

async function main(): Promise<void> {
  const env = readEnv(process.env);
  // Everything the hall writes is its own (server/SECRECY.md): files 0600, directories 0700.
  process.umask(0o077);
  preparePrivateDir(env.dataDir, DATA_DIR);
  preparePrivateDir(env.keyDir, KEY_DIR);
  const app = await buildApp({
    config: env.config,
    dataDir: env.dataDir,
    keyDir: env.keyDir,
    demo: env.demo,
    logger: log,
    operatorToken: env.operatorToken,
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

main().catch((err: unknown) => {
  const e = err as Error;
  log.fatal({ err: e.name === 'ConfigError' ? e.message : e }, 'hall server failed to start');
  process.stderr.write(`hall server: ${e.message}\n`);
  process.exit(1);
});
