import type { FollowUpItem, ResultPayload, SealedRecord } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultPayload } from '../live/state';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';
import { canonicalHash } from './canonical';

/**
 * Issue 10 over HTTP, on a real hall: a correction is bounded by what the hall stored for the
 * vote (60 members on the roster, 35 present at close, 32 seats pressed), proposed by one login
 * and confirmed by another, and every screen says what it replaces.
 */
let f: AppFixture;
let original: SealedRecord;
const reason = '复核发现计票有误：不满意票应为满意票';

beforeAll(async () => {
  f = await appFixture();
  const op = f.auth('operator');
  const post = (url: string, payload?: object, headers = op) =>
    f.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
  expect((await post('/api/sessions', { title: '第十次会议' })).statusCode).toBe(200);
  for (let i = 1; i <= 35; i++) {
    const memberId = `M${String(i).padStart(3, '0')}`;
    expect((await post('/api/attendance/mark', { memberId, present: true })).statusCode).toBe(200);
  }
  expect((await post('/api/votes', { title: '执行工作', profile: 'anhui-2013' })).statusCode).toBe(
    200,
  );
  for (let i = 1; i <= 32; i++) {
    const r = await post('/api/demo/press', { seat: `A-${i}`, keys: [3] }, f.auth('technician'));
    expect(r.json()).toMatchObject({ lamp: 'registered' });
  }
  await post('/api/votes/latest/close');
  expect((await post('/api/votes/latest/announce')).statusCode).toBe(200);
  original = (await f.app.inject({ url: '/api/records/1', headers: op })).json() as SealedRecord;
  expect(original).toMatchObject({ members: 60, present: 35, outcome: 'unsatisfied' });
}, 60_000);

afterAll(async () => {
  await f?.close();
});

const propose = (payload: object, as: 'secretariat' | 'operator' = 'secretariat') =>
  f.app.inject({
    method: 'POST',
    url: '/api/records/1/corrections',
    headers: f.auth(as),
    payload: { members: 60, present: 35, invalid: 0, reason, ...payload },
  });

describe('corrections bounded by the facts the hall stored', () => {
  it('refuses the inflated correction (members 1000, satisfied 999), naming the roster', async () => {
    const r = await propose({ members: 1000, present: 1000, counts: { satisfied: 999 } });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'CORRECTION_MEMBERS' });
    expect(r.json().message).toMatch(/全体组成人员 60 人.* \/ members must stay 60/);
  });

  it('refuses more valid + invalid ballots than seats pressed (32)', async () => {
    const r = await propose({ counts: { satisfied: 33 } });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'CORRECTION_BALLOTS' });
    expect(r.json().message).toMatch(/32 个席位.*32 seats that pressed/);
  });

  it('refuses a changed present (35 at close)', async () => {
    const r = await propose({ present: 34, counts: { satisfied: 30 } });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'CORRECTION_PRESENT' });
    expect(r.json().message).toMatch(/结束时记录的 35 人/);
  });
});

describe('two people, and every screen says what a correction replaces', () => {
  it('the proposer cannot confirm; a chair seals it naming both; screens and follow-up show it', async () => {
    const p = await propose({ counts: { satisfied: 31, unsatisfied: 1 } }, 'operator');
    expect(p.statusCode).toBe(200);
    expect(p.json()).toMatchObject({ id: 1, state: 'pending', outcome: 'satisfied' });
    const all = await f.app.inject({ url: '/api/records', headers: f.auth('chair') });
    expect((all.json() as { records: unknown[] }).records).toHaveLength(1);
    const pending = await f.app.inject({ url: '/api/corrections', headers: f.auth('chair') });
    expect(pending.json()).toMatchObject({ proposals: [{ id: 1, proposedBy: 'operator' }] });
    expect(
      (await f.app.inject({ url: '/api/corrections', headers: f.auth('technician') })).statusCode,
    ).toBe(403);

    const confirm = (as: 'operator' | 'chair' | 'secretariat') =>
      f.app.inject({ method: 'POST', url: '/api/corrections/1/confirm', headers: f.auth(as) });
    expect((await confirm('secretariat')).statusCode).toBe(403);
    const same = await confirm('operator');
    expect(same.statusCode).toBe(409);
    expect(same.json()).toMatchObject({ code: 'CORRECTION_SAME_PERSON' });
    const sealed = await confirm('chair');
    expect(sealed.statusCode).toBe(200);
    const record = sealed.json() as SealedRecord;
    expect(record).toMatchObject({
      seq: 2,
      outcome: 'satisfied',
      corrects: {
        seq: 1,
        hash: canonicalHash(original),
        reason,
        proposedBy: 'operator',
        confirmedBy: 'chair',
        previousOutcome: { id: 'unsatisfied' },
      },
    });

    const head = { seq: 2, hash: canonicalHash(record).slice(0, 12) };
    const display = (await f.app.inject({ url: '/api/display' })).json() as {
      result: ResultPayload;
      chainHead: unknown;
    };
    expect(display.chainHead).toEqual(head);
    expect(display.result).toMatchObject({
      outcome: 'satisfied',
      record: head,
      chainHead: head,
      correction: { correctsSeq: 1, previousOutcome: 'unsatisfied', reason },
    });
    expect(display.result.correction!.note.zh).toBe(
      `更正记录：更正第 1 号记录（原结果：不满意），理由：${reason}；提议：operator，确认：chair`,
    );
    expect(resultPayload(f.app.hall, 'chair')).toMatchObject({
      record: head,
      correction: { correctsSeq: 1 },
    });
    expect((await f.app.inject({ url: '/api/records/head' })).json()).toEqual({ head });

    // The statutory re-report of record 1 stays, marked; the correction requires nothing.
    const items = (
      (await f.app.inject({ url: '/api/followups', headers: f.auth('chair') })).json() as {
        items: FollowUpItem[];
      }
    ).items;
    expect(items.map((i) => [i.id, i.state, i.correction?.kind])).toEqual([
      ['1:re-report', 'open', 'corrected-away'],
    ]);

    // History names it too.
    const h = await f.app.inject({ url: '/api/history', headers: f.auth('chair') });
    expect(JSON.stringify(h.json())).toContain('更正记录：更正第 1 号记录（原结果：不满意）');
    // The CSV export marks both rows.
    const csv = (await f.app.inject({ url: '/api/records/export.csv', headers: f.auth('chair') }))
      .body;
    expect(csv).toContain('本记录已由第 2 号记录更正');
    expect(csv).toContain('更正记录：更正第 1 号记录（原结果：不满意）');
  });
});
