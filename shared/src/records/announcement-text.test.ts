import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../profile/schema';
import { anhui2013, SEED_PROFILES, shenzhen2011, zizhou } from '../profile/seeds/index';
import { tally } from '../tally/tally';
import { announcementText, methodLine, type AnnouncementFigures } from './announcement-text';

/** A result as a sealed record holds it, decided by the tally under `profile`. */
function decided(
  profile: Profile,
  x: { members: number; present: number; counts: Record<string, number>; invalid: number },
): AnnouncementFigures {
  const r = tally(profile, x);
  return { profile, ...x, notVoted: r.notVoted, outcome: r.outcome };
}

describe('announcementText (宣读稿)', () => {
  it('reads out the figures in the documented form', () => {
    const text = announcementText(
      decided(anhui2013, {
        members: 60,
        present: 58,
        counts: { satisfied: 31, 'basically-satisfied': 20, unsatisfied: 5 },
        invalid: 1,
      }),
    );
    expect(text.zh).toBe(
      '本次测评应到60人，实到58人。满意31票，基本满意20票，不满意5票，无效1票，未按键1人。测评结果为：满意。',
    );
    expect(text.en).toBe(
      'This evaluation: 60 members, 58 present. Satisfied 31, Basically satisfied 20, ' +
        'Unsatisfied 5, invalid 1, did not press 1. Result: Satisfied.',
    );
  });

  it('names the outcome of each seed profile by its own label', () => {
    const x = (s: number, b: number, u: number) => ({
      members: 60,
      present: 60,
      counts: { satisfied: s, 'basically-satisfied': b, unsatisfied: u },
      invalid: 0,
    });
    expect(announcementText(decided(zizhou, x(10, 10, 40))).zh).toBe(
      '本次测评应到60人，实到60人。满意10票，基本满意10票，不满意40票，无效0票，未按键0人。测评结果为：不满意。',
    );
    expect(announcementText(decided(shenzhen2011, x(10, 10, 40))).zh).toBe(
      '本次测评应到60人，实到60人。满意10票，基本满意10票，不满意40票，无效0票，未按键0人。测评结果为：应当整改。',
    );
    expect(announcementText(decided(shenzhen2011, x(50, 10, 0))).zh).toMatch(
      /测评结果为：无需整改。$/,
    );
    expect(announcementText(decided(anhui2013, x(20, 25, 15))).zh).toMatch(
      /测评结果为：基本满意。$/,
    );
  });

  it('reads every zero out, and 未按键 as people', () => {
    for (const profile of SEED_PROFILES) {
      const text = announcementText(
        decided(profile, { members: 62, present: 55, counts: {}, invalid: 0 }),
      );
      const outcome = profile.outcomes.find(
        (o) =>
          o.id ===
          tally(profile, {
            members: 62,
            present: 55,
            counts: {},
            invalid: 0,
          }).outcome,
      )!.label;
      expect(text.zh, profile.id).toBe(
        `本次测评应到62人，实到55人。满意0票，基本满意0票，不满意0票，无效0票，未按键55人。测评结果为：${outcome.zh}。`,
      );
      expect(text.en, profile.id).toContain(
        'Satisfied 0, Basically satisfied 0, Unsatisfied 0, invalid 0, did not press 55.',
      );
    }
  });

  it('says so first for a correction, with the outcome it replaces when the record names it', () => {
    const base = decided(anhui2013, {
      members: 60,
      present: 58,
      counts: { satisfied: 31, 'basically-satisfied': 20, unsatisfied: 5 },
      invalid: 1,
    });
    const plain = announcementText(base);
    const previousOutcome = { id: 'unsatisfied', label: { zh: '不满意', en: 'Unsatisfied' } };
    const corrected = announcementText({ ...base, corrects: { seq: 3, previousOutcome } });
    expect(corrected.zh).toBe(`更正第3号记录（原结果：不满意）：${plain.zh}`);
    expect(corrected.en).toBe(`Correction of record 3 (was: Unsatisfied): ${plain.en}`);
    // Records sealed before the two-person rule name only the record.
    expect(announcementText({ ...base, corrects: { seq: 7 } }).zh).toBe(
      `更正第7号记录：${plain.zh}`,
    );
    expect(announcementText({ ...base, corrects: null })).toEqual(plain);
  });

  it("follows the profile's own option order and labels, and shows an unknown outcome's id", () => {
    const fiveLevel: Profile = {
      ...anhui2013,
      optionSet: {
        id: 'five',
        name: { zh: '五档', en: 'Five levels' },
        options: [
          { key: 'excellent', label: { zh: '优秀', en: 'Excellent' }, seatKey: 1 },
          { key: 'good', label: { zh: '良好', en: 'Good' }, seatKey: 2 },
          { key: 'pass', label: { zh: '合格', en: 'Pass' }, seatKey: 3 },
          { key: 'weak', label: { zh: '基本合格', en: 'Weak' }, seatKey: 4 },
          { key: 'fail', label: { zh: '不合格', en: 'Fail' }, seatKey: 5 },
        ],
      },
    };
    const text = announcementText({
      profile: fiveLevel,
      members: 30,
      present: 29,
      // Keys in another order than the profile's, and one the profile does not have.
      counts: { fail: 1, pass: 3, excellent: 20, good: 4, stray: 9 },
      invalid: 0,
      notVoted: 1,
      outcome: 'no-such-outcome',
    });
    expect(text.zh).toBe(
      '本次测评应到30人，实到29人。优秀20票，良好4票，合格3票，基本合格0票，不合格1票，无效0票，未按键1人。测评结果为：no-such-outcome。',
    );
  });

  it('for every seed profile and any figures, reads back exactly the figures and the outcome', () => {
    const figures = fc.record({
      s: fc.nat({ max: 300 }),
      b: fc.nat({ max: 300 }),
      u: fc.nat({ max: 300 }),
      i: fc.nat({ max: 30 }),
      nv: fc.nat({ max: 30 }),
      absent: fc.nat({ max: 30 }),
    });
    fc.assert(
      fc.property(fc.constantFrom(...SEED_PROFILES), figures, (profile, f) => {
        const present = f.s + f.b + f.u + f.i + f.nv;
        const members = Math.max(1, present + f.absent);
        const counts = { satisfied: f.s, 'basically-satisfied': f.b, unsatisfied: f.u };
        const r = decided(profile, { members, present, counts, invalid: f.i });
        const { zh } = announcementText(r);
        const labels = profile.optionSet.options.map((o) => o.label.zh);
        const m = zh.match(
          new RegExp(
            `^本次测评应到(\\d+)人，实到(\\d+)人。${labels.map((l) => `${l}(\\d+)票，`).join('')}` +
              '无效(\\d+)票，未按键(\\d+)人。测评结果为：(.+)。$',
          ),
        );
        expect(m, zh).not.toBeNull();
        const [, n, p, ...rest] = m!;
        const outcome = rest.pop();
        expect([n, p, ...rest].map(Number)).toEqual([
          members,
          present,
          ...profile.optionSet.options.map((o) => counts[o.key as keyof typeof counts]),
          f.i,
          r.notVoted,
        ]);
        expect(outcome).toBe(profile.outcomes.find((o) => o.id === r.outcome)!.label.zh);
      }),
      { numRuns: 500 },
    );
  });
});

describe('how the ballots were taken (issue 14)', () => {
  const figures = decided(anhui2013, {
    members: 60,
    present: 40,
    counts: { satisfied: 30, 'basically-satisfied': 5 },
    invalid: 1,
  });
  it('says nothing more for keypads, and says paper or hands first otherwise', () => {
    expect(methodLine(figures)).toBeNull();
    expect(methodLine({ method: 'keypads' })).toBeNull();
    expect(announcementText({ ...figures, method: 'keypads' })).toEqual(announcementText(figures));
    expect(announcementText({ ...figures, method: 'hands' }).zh).toBe(
      '本项测评以举手方式表决。本次测评应到60人，实到40人。满意30票，基本满意5票，不满意0票，无效1票，未投票4人。测评结果为：满意。',
    );
    expect(announcementText({ ...figures, method: 'paper' }).en).toMatch(
      /^This evaluation was counted by hand from paper ballots\. This evaluation: 60 members.*did not vote 4\./,
    );
  });
  it('names the abandoned vote a retake replaces, and why', () => {
    const text = announcementText({
      ...figures,
      method: 'paper',
      retakes: { voteId: 7, reason: '表决器故障' },
    });
    expect(text.zh).toMatch(
      /^重新测评：第7项测评因表决器故障放弃，本项测评改为纸质票计票。本次测评/,
    );
    expect(text.en).toMatch(/^Retake: evaluation 7 was abandoned \(表决器故障\)/);
  });
});
