import { existsSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  checkIn,
  hallFixture,
  MEMBER_SEATS,
  type HallFixture,
} from '../../test-support/hall-fixture';
import { votePayload } from '../live/vote-state';
import type { CountsBy } from './hand-counts';
import { storedVoteFacts } from './vote-store';

/**
 * Issue 14, the hand-counted fallback (议事规则: show of hands or paper, counted by people):
 * `vote open --method paper|hands` uses no seat, `vote counts` enters the counts (never more than
 * the members present), a second independent login confirms them, and only then does it close.
 */
let f: HallFixture;
afterEach(async () => {
  await f?.close();
});

const SEC: CountsBy = { username: 'secretariat', operator: false, issuedBy: null };
const CHAIR: CountsBy = { username: 'chair', operator: false, issuedBy: null };
const OPERATOR: CountsBy = { username: 'operator', operator: true, issuedBy: null };

const openPaper = (method: 'paper' | 'hands' = 'paper', durationSeconds?: number) =>
  f.hall.votes.open({
    title: '关于全省生态环境保护工作情况的报告',
    profile: 'anhui-2013',
    method,
    ...(durationSeconds ? { durationSeconds } : {}),
  });

const tableCount = (table: string, voteId?: number) =>
  (
    f.hall.db
      .prepare(`SELECT count(*) AS n FROM ${table}${voteId ? ' WHERE vote_id = ?' : ''}`)
      .get(...(voteId ? [voteId] : [])) as { n: number }
  ).n;

const keyFiles = () =>
  existsSync(f.keyDir) ? readdirSync(f.keyDir).filter((n) => n.startsWith('ballot-')) : [];

describe('a paper or hands vote uses no seat', () => {
  it('opens with no ballot key, no slots, no vote_seats rows, and the seats stay idle', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    const id = openPaper();
    expect(f.hall.votes.latestRow()).toMatchObject({
      vote_id: id,
      method: 'paper',
      state: 'open',
      ballot_key_id: null,
    });
    expect(keyFiles()).toEqual([]);
    expect(tableCount('vote_ballots')).toBe(0);
    expect(tableCount('vote_seats', id)).toBe(0);
    expect(f.buses.A.mode).toBe('idle');
    expect(f.buses.W.mode).toBe('idle');
    expect(f.hall.votes.currentMode()).toEqual({ mode: 'idle', tag: 0 });
    expect(f.hall.votes.keypadVote).toBeNull();
    expect(f.hall.votes.current?.voteId).toBe(id);
    expect(f.hall.votes.status()).toMatchObject({ state: 'open', pressed: 0, method: 'paper' });
    // The consoles see the method, and no seat "not pressed": no seat is waited for.
    const live = votePayload(f.hall, 'chair');
    expect(live).toMatchObject({ voteId: id, state: 'open', method: 'paper', pressed: 0 });
    expect(live.notPressed).toBeUndefined();
  });

  it('takes no press as a ballot, whatever tag it carries', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    openPaper('hands');
    const tag = f.hall.votes.current!.tag;
    f.press(MEMBER_SEATS[0]!, [1], { tag });
    f.press(MEMBER_SEATS[1]!, [2]);
    f.flush();
    expect(f.lamp(MEMBER_SEATS[0]!)).toBe('not-accepted');
    expect(f.lamp(MEMBER_SEATS[1]!)).toBe('not-accepted');
    expect(f.hall.votes.current!.pressed.size).toBe(0);
    expect(f.hall.votes.status().pressed).toBe(0);
    expect(tableCount('vote_ballots')).toBe(0);
  });

  it('keeps the quorum gate', async () => {
    f = await hallFixture();
    checkIn(f, 30);
    expect(() => openPaper()).toThrow(expect.objectContaining({ code: 'NO_QUORUM' }));
  });

  it('survives a restart as a paper vote (never adopted as a version-1 vote onto a key)', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    const id = openPaper();
    f.hall.votes.hand.enter({ counts: { satisfied: 30 } }, SEC);
    f = await f.restart();
    expect(f.hall.votes.current).toMatchObject({ voteId: id, method: 'paper' });
    expect(f.hall.votes.latestRow()!.ballot_key_id).toBeNull();
    expect(tableCount('vote_ballots')).toBe(0);
    expect(keyFiles()).toEqual([]);
    expect(f.hall.votes.currentMode().mode).toBe('idle');
    expect(f.hall.votes.status().pressed).toBe(30);
  });
});

describe('hand counts: entered, checked, confirmed by a second person', () => {
  it('refuses counts for a keypad vote, and with no vote open', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    expect(() => f.hall.votes.hand.enter({ counts: {} }, SEC)).toThrow(
      expect.objectContaining({ code: 'NO_OPEN_VOTE' }),
    );
    f.hall.votes.open({ title: '报告', profile: 'anhui-2013' });
    expect(() => f.hall.votes.hand.enter({ counts: { satisfied: 1 } }, SEC)).toThrow(
      expect.objectContaining({ code: 'NOT_HAND_COUNTED', statusCode: 409 }),
    );
    expect(() => f.hall.votes.hand.latestCounts()).toThrow(
      expect.objectContaining({ code: 'NOT_HAND_COUNTED' }),
    );
  });

  it('never takes more ballots than members present (boundary: exactly present is fine)', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    openPaper();
    expect(() =>
      f.hall.votes.hand.enter({ counts: { satisfied: 30, unsatisfied: 10 }, invalid: 1 }, SEC),
    ).toThrow(expect.objectContaining({ code: 'BALLOTS_EXCEED_PRESENT', statusCode: 422 }));
    expect(() => f.hall.votes.hand.enter({ counts: { 'no-such': 1 } }, SEC)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_OPTION', statusCode: 422 }),
    );
    expect(() => f.hall.votes.hand.enter({ counts: { satisfied: -1 } }, SEC)).toThrow(
      expect.objectContaining({ code: 'INVALID_NUMBER' }),
    );
    const r = f.hall.votes.hand.enter(
      { counts: { satisfied: 30, unsatisfied: 9 }, invalid: 1 },
      SEC,
    );
    expect(r).toMatchObject({
      method: 'paper',
      pressed: 40,
      counts: { satisfied: 30, 'basically-satisfied': 0, unsatisfied: 9 },
      invalid: 1,
      enteredBy: 'secretariat',
      confirmedBy: null,
    });
    expect(f.hall.votes.status()).toMatchObject({ pressed: 40, present: 40 });
  });

  it('closes only with counts confirmed by another, independent login', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    const id = openPaper();
    expect(() => f.hall.votes.close()).toThrow(expect.objectContaining({ code: 'NO_HAND_COUNTS' }));
    expect(() => f.hall.votes.hand.confirm(CHAIR)).toThrow(
      expect.objectContaining({ code: 'NO_HAND_COUNTS' }),
    );
    f.hall.votes.hand.enter({ counts: { satisfied: 20, 'basically-satisfied': 10 } }, SEC);
    expect(() => f.hall.votes.close()).toThrow(
      expect.objectContaining({ code: 'COUNTS_NOT_CONFIRMED' }),
    );
    // The same login cannot confirm, nor a chair whose account that login issued.
    expect(() => f.hall.votes.hand.confirm({ ...SEC })).toThrow(
      expect.objectContaining({ code: 'COUNTS_NOT_INDEPENDENT' }),
    );
    expect(() =>
      f.hall.votes.hand.confirm({ username: 'chair2', operator: false, issuedBy: 'secretariat' }),
    ).toThrow(expect.objectContaining({ code: 'COUNTS_NOT_INDEPENDENT' }));
    const confirmed = f.hall.votes.hand.confirm(CHAIR);
    expect(confirmed).toMatchObject({ enteredBy: 'secretariat', confirmedBy: 'chair' });
    expect(confirmed.confirmedAt).toEqual(expect.any(String));
    // Entering again replaces the counts and clears the confirmation.
    f.hall.votes.hand.enter({ counts: { satisfied: 21, 'basically-satisfied': 10 } }, SEC);
    expect(f.hall.votes.hand.latestCounts()).toMatchObject({ confirmedBy: null, pressed: 31 });
    expect(() => f.hall.votes.close()).toThrow(
      expect.objectContaining({ code: 'COUNTS_NOT_CONFIRMED' }),
    );
    f.hall.votes.hand.confirm(CHAIR);
    const r = f.hall.votes.close();
    expect(r).toMatchObject({
      voteId: id,
      members: 60,
      present: 40,
      valid: 31,
      invalid: 0,
      notVoted: 9,
      counts: { satisfied: 21, 'basically-satisfied': 10, unsatisfied: 0 },
    });
    const row = f.hall.votes.latestRow()!;
    expect(row).toMatchObject({ state: 'closed', present_at_close: 40 });
    expect(tableCount('vote_counts', id)).toBe(4); // three options and invalid, as a keypad close
    expect(f.buses.A.mode).toBe('idle'); // the seats were never used
    expect(f.hall.votes.currentMode().mode).toBe('idle');
    // The stored facts a correction is bound by: the ballots counted by hand.
    expect(storedVoteFacts(f.hall.db, id)).toMatchObject({ presentAtClose: 40, pressed: 31 });
    expect(f.hall.votes.status()).toMatchObject({ state: 'closed', pressed: 31, method: 'paper' });
  });

  it('the operator token enters and confirms in one step (the single-operator path)', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    openPaper('hands');
    const r = f.hall.votes.hand.enter({ counts: { satisfied: 35 }, invalid: 0 }, OPERATOR);
    expect(r).toMatchObject({ enteredBy: 'operator', confirmedBy: 'operator', pressed: 35 });
    expect(f.hall.votes.close()).toMatchObject({ valid: 35, outcome: 'satisfied' });
  });

  it('seals the record with method paper and says so in its 宣读稿', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    openPaper();
    f.hall.votes.hand.enter({ counts: { satisfied: 36, unsatisfied: 4 } }, SEC);
    f.hall.votes.hand.confirm(CHAIR);
    f.hall.votes.close();
    f.hall.votes.announce();
    const rec = f.hall.records.all().at(-1)!;
    expect(rec).toMatchObject({ method: 'paper', valid: 40, counts: { satisfied: 36 } });
    expect(rec.retakes).toBeUndefined();
    expect(f.hall.votes.document(1)).toMatchObject({ method: 'paper' });
  });

  it('a timer that runs out before the counts are confirmed leaves the vote open', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    const close = vi.spyOn(f.hall.votes, 'close');
    const id = openPaper('paper', 1);
    f.hall.votes.hand.enter({ counts: { satisfied: 30 } }, SEC);
    // The timer fires (it calls close, which refuses: not confirmed) and nothing crashes.
    await vi.waitFor(() => expect(close).toHaveBeenCalled(), { timeout: 20_000, interval: 50 });
    expect(close.mock.results[0]).toMatchObject({ type: 'throw' });
    expect(f.hall.votes.current?.voteId).toBe(id);
    f.hall.votes.hand.confirm(CHAIR);
    expect(f.hall.votes.close()).toMatchObject({ voteId: id, valid: 30 });
  });
});
