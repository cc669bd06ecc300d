import { afterEach, describe, expect, it } from 'vitest';
import { EVALUATORS, EVALUATOR_SEATS, evaluatorsCsv } from '../../test-support/evaluator-files';
import { hallFixture, MEMBER_SEATS, type HallFixture } from '../../test-support/hall-fixture';
import { parseEvaluatorsCsv } from './evaluators-file';

let f: HallFixture;
afterEach(async () => {
  await f?.close();
});

const evaluators = () => parseEvaluatorsCsv(evaluatorsCsv(), new Set(f.config.seats));
const committee = () => [...f.hall.roster.committeeEntries()];

/** Start an evaluation meeting with the 42 evaluators; check in the seats given. */
function meeting(checkedIn: readonly string[]) {
  f.hall.startSession('某党支部群众评议会议', 'evaluation');
  f.hall.importEvaluators(evaluators());
  f.hall.openCheckin();
  for (const seat of checkedIn) f.press(seat, [1]);
  f.flush();
  f.hall.closeCheckin();
}

describe('an evaluation meeting: its evaluators are the roster in effect (issue 14)', () => {
  it('counts an evaluator seat, not a committee seat that is no evaluator seat; the committee roster is untouched', async () => {
    f = await hallFixture();
    const before = committee();
    expect(f.hall.roster.members()).toHaveLength(60);
    const committeeOnly = MEMBER_SEATS.find((s) => !EVALUATOR_SEATS.includes(s))!;
    meeting([...EVALUATOR_SEATS, committeeOnly]);
    expect(f.hall.sessions.current()).toMatchObject({ kind: 'evaluation' });
    expect(f.hall.roster.all()).toHaveLength(42);
    expect(f.hall.roster.bySeatId('W-1')).toEqual({
      memberId: 'E021',
      name: '服务对象1',
      role: 'member',
      seat: 'W-1',
      group: '服务对象代表',
    });
    expect(f.hall.roster.bySeatId(committeeOnly)).toBeUndefined();
    expect(f.hall.roster.byId('M001')).toBeUndefined();
    // 40 evaluators have a seat and pressed; A-1's press found nobody (no voter there).
    expect(f.hall.attendance.summary()).toMatchObject({
      members: 42,
      present: 40,
      observersPresent: 0,
      quorumMet: true,
    });
    expect(f.hall.attendance.isPresent('M001')).toBe(false);
    // The two without a seat are marked present by hand (paper ballots).
    f.hall.markAttendance('E041', true);
    f.hall.markAttendance('E042', true);
    expect(() => f.hall.markAttendance('M001', true)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_MEMBER' }),
    );
    expect(f.hall.attendance.summary()).toMatchObject({ members: 42, present: 42 });
    expect(committee()).toEqual(before);

    // A new committee sitting: the committee roster is back, unchanged, its attendance afresh.
    f.hall.startSession('第十四届常委会第十次会议');
    expect(f.hall.sessions.current()).toMatchObject({ kind: 'committee' });
    expect(f.hall.roster.all()).toEqual(before);
    expect(f.hall.roster.bySeatId('A-1')).toMatchObject({ memberId: 'M001', role: 'member' });
    expect(f.hall.attendance.summary()).toMatchObject({ members: 60, present: 0 });
    expect(f.hall.evaluators.current()).toEqual([]);
  });

  it('a committee roster import during the meeting changes the committee only', async () => {
    f = await hallFixture();
    meeting([]);
    f.hall.importRoster(Buffer.from('member_id,name,role,seat\nM001,甲,member,A-1\n'));
    expect(f.hall.roster.all()).toHaveLength(42);
    expect(committee()).toEqual([{ memberId: 'M001', name: '甲', role: 'member', seat: 'A-1' }]);
  });

  it('keeps the meeting and its evaluators across a restart', async () => {
    f = await hallFixture();
    meeting(EVALUATOR_SEATS.slice(0, 5));
    f = await f.restart();
    expect(f.hall.roster.all()).toHaveLength(42);
    expect(f.hall.roster.byId('E001')).toMatchObject({ group: '两代表一委员', seat: 'A-29' });
    expect(f.hall.attendance.summary()).toMatchObject({ members: 42, present: 5 });
    expect(f.hall.evaluators.current()).toEqual(EVALUATORS);
  });
});

describe('the base of an evaluation meeting: ballots issued and returned (issue 14)', () => {
  it('refuses a vote with no evaluator present, then the base is 42 evaluators, issued = present', async () => {
    f = await hallFixture();
    meeting([]);
    expect(() => f.hall.votes.open({ title: '对某党支部的评议', profile: 'anhui-2013' })).toThrow(
      expect.objectContaining({
        code: 'NO_QUORUM',
        message: expect.stringContaining('no evaluator of the meeting is present (0 of 42)'),
      }),
    );
    expect(f.hall.attendance.quorumRule().zh).toContain('评议会议');
    // One evaluator present is enough: the committee quorum is not the meeting's.
    f.hall.markAttendance('E001', true);
    expect(f.hall.attendance.summary().quorumMet).toBe(true);
    for (const seat of EVALUATOR_SEATS.slice(1, 30))
      f.hall.markAttendance(f.hall.roster.bySeatId(seat)!.memberId, true);
    const voteId = f.hall.votes.open({ title: '对某党支部的评议', profile: 'anhui-2013' });
    // Evaluators press; a committee seat that is no evaluator seat is not a voter.
    for (const seat of EVALUATOR_SEATS.slice(0, 28)) f.press(seat, [1]);
    f.press('A-1', [1]);
    f.flush();
    expect(f.hall.votes.current?.pressed.has('A-1')).toBe(false);
    const r = f.hall.votes.close();
    expect(r).toMatchObject({ members: 42, present: 30, notVoted: 2, invalid: 0 });
    expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBe(28);
    f.hall.votes.announce();
    const record = f.hall.records.forVote(voteId);
    expect(record).toMatchObject({ members: 42, present: 30, roster: 'invited' });
    // The explanation words the base as the meeting's own (seed 第二篇), not the committee's.
    expect(record.explanation.zh).toContain('全体评议人员 42');
    expect(record.explanation.zh).not.toContain('组成人员');
    // The evaluators are fixed once a vote of the meeting has opened.
    expect(() => f.hall.importEvaluators(evaluators())).toThrow(
      expect.objectContaining({ code: 'EVALUATORS_LOCKED' }),
    );
  });

  it('a committee sitting keeps its quorum and its records say committee', async () => {
    f = await hallFixture();
    f.hall.startSession('第十四届常委会第十次会议');
    expect(() => f.hall.importEvaluators(evaluators())).toThrow(
      expect.objectContaining({ code: 'NOT_AN_EVALUATION_MEETING' }),
    );
    f.hall.markAttendance('M001', true);
    expect(f.hall.attendance.summary()).toMatchObject({
      members: 60,
      present: 1,
      quorumMet: false,
    });
    expect(() => f.hall.votes.open({ title: 't', profile: 'anhui-2013' })).toThrow(
      /1 of 60 members present/,
    );
  });
});
