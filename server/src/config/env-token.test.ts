import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIN_OPERATOR_TOKEN_LENGTH, readEnv } from './env';

const dir = mkdtempSync(path.join(tmpdir(), 'hall-env-'));
const config = path.join(dir, 'hall.json');
writeFileSync(
  config,
  JSON.stringify({
    hall: '会议厅',
    buses: [{ id: 'A', driver: 'modbus-rtu', simulated: true, addresses: '1-4' }],
  }),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('HALL_OPERATOR_TOKEN outside the demo hall (issue 10)', () => {
  const hall = { HALL_CONFIG: config, HALL_DATA_DIR: path.join(dir, 'data') };

  it('refuses a token shorter than 32 characters, saying how to make a good one', () => {
    expect(MIN_OPERATOR_TOKEN_LENGTH).toBe(32);
    expect(() => readEnv({ ...hall, HALL_OPERATOR_TOKEN: 'x'.repeat(31) })).toThrow(
      /^HALL_OPERATOR_TOKEN 太短（31 个字符）：.*至少需要 32 个字符.*openssl rand -base64 32 \/ HALL_OPERATOR_TOKEN is too short \(31 characters\).*at least 32.*openssl rand -base64 32$/,
    );
    expect(() => readEnv({ ...hall, HALL_OPERATOR_TOKEN: 'secret' })).toThrow(/太短/);
  });

  it('accepts 32 characters or more, and no token at all', () => {
    const token = 'k'.repeat(32);
    expect(readEnv({ ...hall, HALL_OPERATOR_TOKEN: token }).operatorToken).toBe(token);
    expect(readEnv(hall).operatorToken).toBeUndefined();
    expect(readEnv({ ...hall, HALL_OPERATOR_TOKEN: '' }).operatorToken).toBeUndefined();
  });

  it('leaves the demo hall its short tokens', () => {
    const env = readEnv({ HALL_DATA_DIR: path.join(dir, 'demo'), HALL_OPERATOR_TOKEN: 'short' });
    expect(env).toMatchObject({ demo: true, operatorToken: 'short' });
  });
});
