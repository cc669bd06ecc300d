import { expect, it } from 'vitest';
import { refuse } from './errors';

it('keeps a refusal on one line, whatever a caller put in (CONTRACT.md §1)', () => {
  const e = refuse('UNKNOWN_MEMBER', '名单中没有人员 a\nb / member a\r\nb is not on the roster');
  expect(e.message).toBe('名单中没有人员 a b / member a b is not on the roster');
  expect(e).toMatchObject({ statusCode: 409, code: 'UNKNOWN_MEMBER' });
});
