import { seedProfile, type DisplayReply, type Profile } from '@hall/shared';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkIn,
  hallFixture,
  MEMBER_SEATS,
  type HallFixture,
} from '../../test-support/hall-fixture';
import { appFixture } from '../../test-support/app-fixture';
import { terminalStates } from '../terminals/terminal-state';
import { displayState, resultPayload } from './state';
import { votePayload } from './vote-state';

/**
 * Issue 14, what the screens are told: the words of any profile with its result (the hall display
 * shows a profile of the secretariat's own from the result alone), how the ballots are taken, the
 * series a vote is a subject of, and a terminal that offers nothing in a paper or hands vote.
 */
const anhui = seedProfile('anhui-2013')!;

/** 优秀 / 合格 / 基本合格 / 不合格 on keys 1–4: a profile no seed has. */
const FOUR: Profile = {
  ...anhui,
  id: 'branch-members',
  name: { zh: '党员评议', en: 'Member evaluation' },
  optionSet: {
    id: 'four-grades',
    name: { zh: '四档', en: 'Four grades' },
    options: [
      { key: 'excellent', label: { zh: '优秀', en: 'Excellent' }, seatKey: 1 },
      { key: 'competent', label: { zh: '合格', en: 'Competent' }, seatKey: 2 },
      {
        key: 'basically-competent',
        label: { zh: '基本合格', en: 'Basically competent' },
        seatKey: 3,
      },
      { key: 'incompetent', label: { zh: '不合格', en: 'Incompetent' }, seatKey: 4 },
    ],
  },
  base: 'present',
  excludeFromBase: [],
  outcomes: [
    { id: 'excellent', label: { zh: '优秀', en: 'Excellent' }, passed: true, followUp: [] },
    { id: 'competent', label: { zh: '合格', en: 'Competent' }, passed: true, followUp: [] },
    { id: 'failing', label: { zh: '不合格', en: 'Failing' }, passed: false, followUp: [] },
  ],
  ladder: [
    {
      outcome: 'excellent',
      when: [{ options: ['excellent'], comparison: 'more-than', fraction: { num: 1, den: 2 } }],
      rule: { zh: '优秀票超过实到人数的半数为优秀', en: 'Excellent: more than half' },
      cite: '测试',
    },
    {
      outcome: 'competent',
      when: [
        {
          options: ['excellent', 'competent'],
          comparison: 'more-than',
          fraction: { num: 1, den: 2 },
        },
      ],
      rule: { zh: '优秀与合格票超过半数为合格', en: 'Competent: more than half' },
      cite: '测试',
    },
    { outcome: 'failing', rule: { zh: '其余为不合格', en: 'Otherwise failing' }, cite: '测试' },
  ],
};

let f: HallFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

/** The demo hall with every seat unit reporting 5 keys (a four-option keypad vote may open). */
async function hall(): Promise<HallFixture> {
  f = await hallFixture();
  for (const bus of Object.values(f.buses))
    for (const a of bus.addresses)
      bus.emit({ type: 'seat-online', bus: bus.busId, seat: `${bus.busId}-${a}`, keys: 5 });
  checkIn(f, 50);
  return f;
}

describe('the words of any profile with its result (issue 14)', () => {
  it('a four-option profile of its own: labels in order, outcomes best first with passed', async () => {
    const h = await hall();
    h.hall.votes.open({ title: '张三', profile: FOUR as unknown as Record<string, unknown> });
    for (const [i, seat] of MEMBER_SEATS.slice(0, 40).entries()) h.press(seat, [i < 30 ? 1 : 2]);
    h.flush();
    // While open: the display has no result, and the vote carries no figure but the press count.
    expect(resultPayload(h.hall, 'display')).toBeNull();
    expect(JSON.stringify(votePayload(h.hall, 'display'))).not.toMatch(/excellent|优秀/);
    h.hall.votes.close();
    // Closed, not announced: the chair sees it with its words; the display still nothing.
    expect(resultPayload(h.hall, 'display')).toBeNull();
    const closed = resultPayload(h.hall, 'chair')!;
    expect(closed.labels?.options.map((o) => o.label.zh)).toEqual([
      '优秀',
      '合格',
      '基本合格',
      '不合格',
    ]);
    expect(closed.method).toBe('keypads');
    h.hall.votes.announce();
    const shown = displayState(h.hall).result!;
    expect(shown.outcome).toBe('excellent');
    expect(shown.method).toBe('keypads');
    expect(shown.labels).toEqual({
      options: FOUR.optionSet.options.map((o) => ({ key: o.key, label: o.label })),
      outcomes: FOUR.outcomes.map((o) => ({ id: o.id, label: o.label, passed: o.passed })),
    });
    expect(shown.counts).toMatchObject({ excellent: 30, competent: 10 });
  });

  it('marks an option left out of the base (弃权), and a seed profile gets its words too', async () => {
    const h = await hall();
    const withAbstain: Profile = {
      ...anhui,
      id: 'with-abstain',
      optionSet: {
        ...anhui.optionSet,
        options: [
          ...anhui.optionSet.options,
          { key: 'abstain', label: { zh: '弃权', en: 'Abstain' }, seatKey: 4 },
        ],
      },
      excludeFromBase: ['abstain'],
    };
    h.hall.votes.open({
      title: '报告',
      profile: withAbstain as unknown as Record<string, unknown>,
    });
    h.hall.votes.close();
    const labels = resultPayload(h.hall, 'chair')!.labels!;
    expect(labels.options.map((o) => [o.key, o.excluded ?? false])).toEqual([
      ['satisfied', false],
      ['basically-satisfied', false],
      ['unsatisfied', false],
      ['abstain', true],
    ]);
    h.hall.votes.announce();
    h.hall.votes.open({ title: '下一项', profile: 'anhui-2013' });
    h.hall.votes.close();
    h.hall.votes.announce();
    const seed = displayState(h.hall).result!.labels!;
    expect(seed.outcomes.map((o) => [o.label.zh, o.passed])).toEqual(
      anhui.outcomes.map((o) => [o.label.zh, o.passed]),
    );
  });
});

describe('how the ballots are taken, and the series (issue 14)', () => {
  it('a paper vote: every screen is told `paper`; the terminal gets no option to press', async () => {
    const h = await hall();
    h.hall.votes.open({ title: '张三', profile: 'anhui-2013', method: 'paper' });
    for (const role of ['display', 'chair', 'technician'] as const)
      expect(votePayload(h.hall, role).method).toBe('paper');
    // The hand total is the secretariat's entry, unconfirmed while open: chair and secretariat only.
    h.hall.votes.hand.enter(
      { counts: { satisfied: 30 }, invalid: 0 },
      { username: 'secretariat', operator: false, issuedBy: null },
    );
    expect(votePayload(h.hall, 'chair').pressed).toBe(30);
    expect(votePayload(h.hall, 'display').pressed).toBe(0);
    expect(votePayload(h.hall, 'technician').pressed).toBe(0);
    const seat = terminalStates(h.hall)(MEMBER_SEATS[0]!);
    expect(seat.vote).toMatchObject({ state: 'open', method: 'paper', options: [] });
    // The seats are not put into the vote's mode (terminal-ui shows the paper notice anyway).
    expect(seat.mode).toBe('idle');
    expect(seat.vote!.registered).toBe(false);
  });

  it('a keypad vote: `keypads`, and the terminal gets the options in the profile’s order', async () => {
    const h = await hall();
    h.hall.votes.open({ title: '报告', profile: FOUR as unknown as Record<string, unknown> });
    expect(votePayload(h.hall, 'display')).toMatchObject({ method: 'keypads', series: null });
    const vote = terminalStates(h.hall)(MEMBER_SEATS[0]!).vote!;
    expect(vote.method).toBe('keypads');
    expect(vote.options.map((o) => [o.label.zh, o.seatKey])).toEqual([
      ['优秀', 1],
      ['合格', 2],
      ['基本合格', 3],
      ['不合格', 4],
    ]);
    h.hall.votes.close();
    expect(terminalStates(h.hall)(MEMBER_SEATS[0]!).vote).toMatchObject({
      state: 'closed',
      method: 'keypads',
      options: [],
    });
  });

  it('a subject of a series: its title, place and subject, for the display too', async () => {
    const h = await hall();
    const sessionId = h.hall.sessions.currentId()!;
    h.hall.db
      .prepare(
        `INSERT INTO series (series_id, session_id, item_id, kind, title, auto_advance, method,
           duration_seconds, created_at, created_by)
         VALUES (7, ?, NULL, 'subjects', '机关党支部群众评议', 0, 'paper', NULL, ?, 'operator')`,
      )
      .run(sessionId, new Date().toISOString());
    const subject = h.hall.db.prepare(
      'INSERT INTO series_subjects (series_id, idx, title, profile_json) VALUES (7, ?, ?, ?)',
    );
    for (let i = 1; i <= 34; i++)
      subject.run(i, i === 3 ? '张三' : `成员${i}`, JSON.stringify(anhui));
    h.hall.votes.open({
      title: '张三',
      profile: 'anhui-2013',
      method: 'paper',
      series: { seriesId: 7, index: 3 },
    });
    expect(votePayload(h.hall, 'display').series).toEqual({
      seriesId: 7,
      title: '机关党支部群众评议',
      index: 3,
      count: 34,
      subject: '张三',
    });
  });
});

describe('GET /api/display (issue 14)', () => {
  it('keeps the labels and the method through the reply schema, and no split while open', async () => {
    const app = await appFixture();
    try {
      const h = app.app.hall;
      h.startSession('第十次会议');
      for (const seat of MEMBER_SEATS.slice(0, 40))
        h.attendance.setPresent(h.roster.bySeatId(seat)!.memberId, true, false);
      h.votes.open({ title: '报告', profile: 'anhui-2013' });
      h.votes.close();
      h.votes.announce();
      h.votes.open({ title: '张三', profile: 'anhui-2013', method: 'hands' });
      const reply = (await app.app.inject({ url: '/api/display' })).json() as DisplayReply;
      expect(reply.vote).toMatchObject({ title: '张三', state: 'open', method: 'hands' });
      // The announced result shown is the earlier one's, with its words and how it was taken.
      expect(reply.result!.title).toBe('报告');
      expect(reply.result!.method).toBe('keypads');
      expect(reply.result!.labels!.options.map((o) => o.label.zh)).toEqual([
        '满意',
        '基本满意',
        '不满意',
      ]);
      expect(reply.result!.labels!.outcomes.map((o) => o.passed)).toEqual(
        anhui.outcomes.map((o) => o.passed),
      );
    } finally {
      await app.close();
    }
  });
});
