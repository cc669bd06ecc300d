import { describe, expect, it } from 'vitest';
import { handshakeRefusalCode, HallErrorCode, isHallErrorCode } from './error-codes';

describe('refusal codes', () => {
  it('reads the code of a refused socket handshake from err.data, never from the text', () => {
    const refused = Object.assign(new Error('终端凭证无效 / revoked'), {
      data: { code: 'BAD_CREDENTIAL', message: '终端凭证无效 / revoked' },
    });
    expect(handshakeRefusalCode(refused)).toBe(HallErrorCode.BAD_CREDENTIAL);
    expect(handshakeRefusalCode(new Error('unauthorized: revoked credential'))).toBeUndefined();
    expect(handshakeRefusalCode({ data: { code: 'NOT_A_CODE' } })).toBeUndefined();
    expect(handshakeRefusalCode(null)).toBeUndefined();
  });

  it('knows its own codes only', () => {
    expect(isHallErrorCode('VOTE_OPEN')).toBe(true);
    expect(isHallErrorCode('FST_ERR_CTP_BODY_TOO_LARGE')).toBe(false);
    expect(isHallErrorCode(42)).toBe(false);
  });
});
