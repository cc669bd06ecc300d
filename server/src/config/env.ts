import path from 'node:path';
import { demoHallConfig } from './demo-hall';
import { ConfigError, loadHallConfig, type HallConfig } from './hall-config';
import { defaultKeyDir } from './key-dir';

/** The server's environment (CONTRACT.md §2), checked; errors name the variable. */
export interface ServerEnv {
  port: number;
  dataDir: string;
  /**
   * HALL_KEY_DIR (CONTRACT.md §2): the hall's secrets (record-signing key, the per-vote ballot
   * keys, the local CA's key), apart from the data directory so that no copy or backup of the
   * data directory holds them. Default: `<data dir>-keys` beside the data directory.
   */
  keyDir: string;
  /** Serve HTTPS/WSS. `HALL_TLS=off` → plain HTTP; the demo hall stays plain HTTP. */
  tls: boolean;
  config: HallConfig;
  demo: boolean;
  operatorToken: string | undefined;
  /** HALL_SESSION_IDLE_MINUTES: a console login ends after this long unused (default 240). */
  sessionIdleMinutes: number;
  /** HALL_SESSION_MAX_HOURS: a console login ends this long after it was made (default 16). */
  sessionMaxHours: number;
  /** Demo only: simulated members press by themselves at check-in and at each vote. */
  autoPress: boolean;
  logLevel: string;
  host: string;
}

/** Outside the demo hall, a shorter operator token is refused (CONTRACT.md §2). */
export const MIN_OPERATOR_TOKEN_LENGTH = 32;
const TOKEN_COMMAND = 'openssl rand -base64 32';

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
  if (!demo && token && token.length < MIN_OPERATOR_TOKEN_LENGTH) {
    throw new ConfigError(
      `HALL_OPERATOR_TOKEN 太短（${token.length} 个字符）：会场模式下至少需要 ${MIN_OPERATOR_TOKEN_LENGTH} 个字符，可用此命令生成：${TOKEN_COMMAND} / HALL_OPERATOR_TOKEN is too short (${token.length} characters): outside the demo hall it needs at least ${MIN_OPERATOR_TOKEN_LENGTH}; make one with: ${TOKEN_COMMAND}`,
    );
  }
  const dataDir = path.resolve(env.HALL_DATA_DIR || './data');
  const keyDir = path.resolve(env.HALL_KEY_DIR || defaultKeyDir(dataDir));
  if (isInside(keyDir, dataDir)) {
    throw new ConfigError(
      `HALL_KEY_DIR（${keyDir}）不能位于数据目录 ${dataDir} 之内：数据目录的副本或备份不得含有密钥 / HALL_KEY_DIR (${keyDir}) must not be inside HALL_DATA_DIR (${dataDir}): no copy or backup of the data directory may hold the keys`,
    );
  }
  const sessionIdleMinutes = wholeNumber(env, 'HALL_SESSION_IDLE_MINUTES', 240, 7 * 24 * 60, {
    zh: '分钟',
    en: 'minutes',
  });
  const sessionMaxHours = wholeNumber(env, 'HALL_SESSION_MAX_HOURS', 16, 30 * 24, {
    zh: '小时',
    en: 'hours',
  });
  return {
    port,
    dataDir,
    keyDir,
    tls: env.HALL_TLS === 'off' ? false : !demo,
    config: demo ? demoHallConfig() : loadHallConfig(env.HALL_CONFIG!),
    demo,
    operatorToken: token || undefined,
    sessionIdleMinutes,
    sessionMaxHours,
    autoPress: demo && env.HALL_DEMO_AUTOPRESS === '1',
    logLevel: env.HALL_LOG_LEVEL ?? 'info',
    host: env.HALL_HOST ?? '0.0.0.0',
  };
}

export { defaultKeyDir };

/** A whole number 1…`max` from `env[name]` (or `fallback` when unset or empty). */
function wholeNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  max: number,
  unit: { zh: string; en: string },
): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max) {
    throw new ConfigError(
      `${name}：“${text}”不是 1-${max} 之间的整数（${unit.zh}） / ${name}: "${text}" is not a whole number of ${unit.en} from 1 to ${max}`,
    );
  }
  return n;
}

/** Whether `inner` is `outer` or lies inside it. */
function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
