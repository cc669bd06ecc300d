import path from 'node:path';
import { demoHallConfig } from './demo-hall';
import { ConfigError, loadHallConfig, type HallConfig } from './hall-config';

/** The server's environment (CONTRACT.md §2), checked; errors name the variable. */
export interface ServerEnv {
  port: number;
  dataDir: string;
  config: HallConfig;
  demo: boolean;
  operatorToken: string | undefined;
  /** Demo only: simulated members press by themselves at check-in and at each vote. */
  autoPress: boolean;
  logLevel: string;
  host: string;
}

export function readEnv(env: NodeJS.ProcessEnv): ServerEnv {
  const portText = env.HALL_PORT ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new ConfigError(
      `HALL_PORT：“${portText}”不是 1-65535 之间的端口号 / HALL_PORT: "${portText}" is not a port number 1-65535`,
    );
  }
  const token = env.HALL_OPERATOR_TOKEN;
  const demo = !env.HALL_CONFIG;
  return {
    port,
    dataDir: path.resolve(env.HALL_DATA_DIR || './data'),
    config: demo ? demoHallConfig() : loadHallConfig(env.HALL_CONFIG!),
    demo,
    operatorToken: token || undefined,
    autoPress: demo && env.HALL_DEMO_AUTOPRESS === '1',
    logLevel: env.HALL_LOG_LEVEL ?? 'info',
    host: env.HALL_HOST ?? '0.0.0.0',
  };
}
