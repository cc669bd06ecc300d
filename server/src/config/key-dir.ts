import path from 'node:path';

/**
 * The key directory when HALL_KEY_DIR is unset: `<data dir>-keys`, beside the data directory.
 * Its own module (no hall config, no drivers) so that the hall CLI loads it without serialport.
 */
export function defaultKeyDir(dataDir: string): string {
  return `${path.resolve(dataDir)}-keys`;
}
