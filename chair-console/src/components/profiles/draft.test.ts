import { describe, expect, it } from 'vitest';
import { anhui2013, zizhou } from '@hall/shared';
import {
  blankProfile,
  checkLocally,
  copyId,
  copyProfile,
  documentOf,
  editable,
  move,
  renameOption,
  wholeNumber,
} from './draft';

describe('the profile editor’s draft', () => {
  it('offers a copy under an id not yet taken, as version 1, leaving the original as it is', () => {
    expect(copyId('anhui-2013', ['anhui-2013'])).toBe('anhui-2013-copy');
    expect(copyId('anhui-2013', ['anhui-2013-copy', 'anhui-2013-copy-2'])).toBe(
      'anhui-2013-copy-3',
    );
    expect(copyId('x'.repeat(64), []).length).toBeLessThanOrEqual(64);
    const before = JSON.stringify(anhui2013);
    const copy = copyProfile(anhui2013, 'mine');
    copy.ladder[0]!.when![0]!.fraction.num = 2;
    expect(JSON.stringify(anhui2013)).toBe(before);
    expect(copy).toMatchObject({ id: 'mine', version: 1, format: 'hall-profile/1' });
    expect(Object.keys(documentOf(copy))[0]).toBe('format');
  });

  it('keeps a number that is not whole as NaN, so the check names its path', () => {
    expect(wholeNumber('12')).toBe(12);
    expect(wholeNumber('')).toBeNaN();
    expect(wholeNumber('1.5')).toBeNaN();
    expect(wholeNumber('-1')).toBeNaN();
    const d = copyProfile(anhui2013, 'mine');
    d.ladder[0]!.when![0]!.fraction.den = wholeNumber('');
    const check = checkLocally(d);
    expect(check.valid).toBe(false);
    expect(check.problems.map((p) => p.path)).toContain('/ladder/0/when/0/fraction/den');
    expect(check.rules).toBeNull();
  });

  it('starts a new profile that is sound, and reads it back', () => {
    const check = checkLocally(blankProfile('hall-profile'));
    expect(check.problems).toEqual([]);
    expect(check.rules).toHaveLength(2);
  });

  it('renames an option everywhere it is named, and moves rows within bounds', () => {
    const d = copyProfile(anhui2013, 'mine');
    d.excludeFromBase = ['unsatisfied'];
    renameOption(d, 'satisfied', 'good');
    renameOption(d, 'unsatisfied', 'bad');
    expect(d.ladder[1]!.when![0]!.options).toEqual(['good', 'basically-satisfied']);
    expect(d.excludeFromBase).toEqual(['bad']);
    const list = [1, 2, 3];
    move(list, 0, -1);
    move(list, 2, 1);
    expect(list).toEqual([1, 2, 3]);
    move(list, 0, 1);
    expect(list).toEqual([2, 1, 3]);
  });

  it('edits only a document of the profile’s shape', () => {
    expect(editable(zizhou)).toBe(true);
    expect(editable({ ...zizhou, ladder: 'x' })).toBe(false);
    expect(editable({ id: 'x' })).toBe(false);
    expect(editable([])).toBe(false);
  });
});
