import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FollowUpItem, SealedRecord } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { hallCli } from '../support/hall-cli';
import { api, login, startDemoHall, type HallServer } from '../support/hall-server';

/**
 * Signed records and follow-up across two sittings against a real `npm start` (issue 7): an
 * unsatisfied report, its re-made report on the next sitting's agenda, the second evaluation
 * linked to the first, and the escalation flag when it fails again. Exports are checked with
 * `hall record verify` and the hall's published key, printouts with pdftotext.
 */
const TOKEN = 'records-operator-token';
let server: HallServer;
let tech: string;
let env: Record<string, string>;
let members: string[];
let dir: string;

beforeAll(async () => {
  ({ server, tech, memberSeats: members } = await startDemoHall(TOKEN, 'hall-records-e2e-'));
  dir = server.dataDir;
  env = { HALL_PORT: String(server.port), HALL_OPERATOR_TOKEN: TOKEN };
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const cli = async (args: string[]) => {
  const r = await hallCli([...args, '--json'], env);
  expect(r.stderr, args.join(' ')).toBe('');
  expect(r.code, args.join(' ')).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
};
const press = async (seat: string, keys: number[]) => {
  const r = await api<{ lamp: string }>(server, 'POST', '/api/demo/press', tech, { seat, keys });
  expect(r.body.lamp, seat).toBe('registered');
};

/** A sitting with one evaluation: everyone checks in, `unsatisfied` of them press 不满意. */
async function evaluate(itemId: number | null, title: string, unsatisfied: number) {
  await cli(['checkin', 'open']);
  for (const seat of members) await press(seat, [1]);
  await cli(['checkin', 'close']);
  const open = await api<{ voteId: number }>(server, 'POST', '/api/votes', TOKEN, {
    title,
    profile: 'anhui-2013',
    ...(itemId ? { itemId } : {}),
  });
  expect(open.status).toBe(200);
  for (const [i, seat] of members.entries()) await press(seat, [i < unsatisfied ? 3 : 1]);
  await cli(['vote', 'close']);
  await cli(['vote', 'announce']);
  return open.body.voteId;
}

describe('signed records and follow-up across two sittings (real server and CLI)', () => {
  it('seals, exports, verifies, prints, and tracks the re-made report to its escalation', async () => {
    // On a failure, show what the server said (a crash, a refusal) beside the test's own error.
    onTestFailed(() => console.error(server?.output()));
    // Sitting 1: 省人民政府's report is judged unsatisfied.
    await cli(['session', 'start', '--title', '第二十次常委会会议']);
    const item = await api<{ itemId: number }>(
      server,
      'POST',
      '/api/sessions/current/items',
      TOKEN,
      {
        title: '关于食品安全工作情况的报告',
        organ: '省人民政府',
      },
    );
    const first = await evaluate(
      item.body.itemId,
      '省人民政府关于食品安全工作情况的报告',
      members.length,
    );

    const { publicKey } = await cli(['key', 'show']);
    expect(publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const one = path.join(dir, 'one.json');
    expect(await cli(['record', 'export', '--vote', String(first), '--out', one])).toEqual({
      file: one,
      records: 1,
    });
    const record = JSON.parse(readFileSync(one, 'utf8')) as SealedRecord;
    expect(record).toMatchObject({
      seq: 1,
      prevHash: null,
      voteId: first,
      outcome: 'unsatisfied',
      organ: '省人民政府',
    });
    expect(record.profile.id).toBe('anhui-2013');
    expect(record.signature.publicKey).toBe(publicKey);
    expect(await cli(['record', 'verify', one, '--public-key', publicKey as string])).toMatchObject(
      { valid: true, records: 1 },
    );

    let items = (await api<{ items: FollowUpItem[] }>(server, 'GET', '/api/followups', TOKEN)).body
      .items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      seq: 1,
      action: 're-report',
      state: 'open',
      due: { kind: 'next-session' },
    });

    // The printout: the Chinese title, every count and the outcome, from the sealed record.
    const pdf = await fetch(`${server.url}/api/records/1/pdf`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const pdfFile = path.join(dir, 'one.pdf');
    writeFileSync(pdfFile, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, '')).toContain(record.title);
    expect(text).toMatch(new RegExp(`不满意\\s+${record.counts.unsatisfied}\\s*$`, 'm'));
    expect(text).toMatch(/测评结果：不满意/);

    // A re-made report cannot be put on the same sitting's agenda.
    const same = await api(server, 'POST', '/api/records/1/rereport', TOKEN, {});
    expect(same.status).toBe(409);

    // Sitting 2: the re-made report, linked to record 1, fails again: escalation.
    await cli(['session', 'start', '--title', '第二十一次常委会会议']);
    const re = await api<{ itemId: number }>(server, 'POST', '/api/records/1/rereport', TOKEN, {});
    expect(re.status).toBe(200);
    await evaluate(
      re.body.itemId,
      '省人民政府关于食品安全工作情况的报告（重作报告）',
      members.length - 10,
    );

    const all = path.join(dir, 'all.json');
    expect(await cli(['record', 'export', '--all', '--out', all])).toEqual({
      file: all,
      records: 2,
    });
    const chain = JSON.parse(readFileSync(all, 'utf8')) as SealedRecord[];
    expect(chain[1]).toMatchObject({ seq: 2, outcome: 'unsatisfied', reevaluates: { seq: 1 } });
    expect(await cli(['record', 'verify', all, '--public-key', publicKey as string])).toMatchObject(
      { valid: true, records: 2 },
    );
    items = (await api<{ items: FollowUpItem[] }>(server, 'GET', '/api/followups', TOKEN)).body
      .items;
    expect(items.find((f) => f.seq === 1)).toMatchObject({ state: 'escalated', reevaluatedBy: 2 });
    expect(items.find((f) => f.seq === 1)!.escalation?.action).toBe('supervision-measures');

    // A removed record breaks the chain.
    writeFileSync(all, JSON.stringify([chain[1]]));
    const broken = await hallCli(['record', 'verify', all, '--json'], env);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout).valid).toBe(false);

    // The CSV has the same figures as the sealed records.
    const csv = await (
      await fetch(`${server.url}/api/records/export.csv`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      })
    ).text();
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain(`,${chain[1]!.counts.unsatisfied},`);

    // History per organ: both evaluations of 省人民政府.
    const history = await api<{ organs: { organ: string; entries: { seq: number }[] }[] }>(
      server,
      'GET',
      '/api/history',
      TOKEN,
    );
    expect(
      history.body.organs.find((o) => o.organ === '省人民政府')!.entries.map((e) => e.seq),
    ).toEqual([1, 2]);

    // A correction of record 2: a new record that names it, re-tallied under its profile.
    const wrong = chain[1]!;
    const reason = '复核发现计票有误：重作报告的不满意票应为满意票';
    const bad = await api<{ message: string }>(
      server,
      'POST',
      '/api/records/2/corrections',
      TOKEN,
      {
        members: wrong.members,
        present: wrong.members + 1,
        counts: { satisfied: wrong.present },
        invalid: 0,
        reason,
      },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.message).toBe(
      `实到 ${wrong.members + 1} 人多于全体组成人员 ${wrong.members} 人 / present ${wrong.members + 1} is more than members ${wrong.members}`,
    );
    // Two people (issue 10): the operator proposes (nothing is sealed), it cannot confirm its own
    // proposal, and the chair, another login, confirms: the sealed record names both.
    const proposal = await api<{ id: number; state: string }>(
      server,
      'POST',
      '/api/records/2/corrections',
      TOKEN,
      {
        members: wrong.members,
        present: wrong.present,
        counts: { satisfied: wrong.present },
        invalid: 0,
        reason,
      },
    );
    expect(proposal.status).toBe(200);
    expect(proposal.body.state).toBe('pending');
    const chair = await login(server, 'chair', 'chair-demo');
    const self = await api<{ code: string }>(
      server,
      'POST',
      `/api/corrections/${proposal.body.id}/confirm`,
      TOKEN,
    );
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('CORRECTION_SAME_PERSON');
    const fix = await api<SealedRecord>(
      server,
      'POST',
      `/api/corrections/${proposal.body.id}/confirm`,
      chair,
    );
    expect(fix.status).toBe(200);
    expect(fix.body).toMatchObject({
      seq: 3,
      voteId: wrong.voteId,
      outcome: 'satisfied',
      corrects: { seq: 2, reason, proposedBy: 'operator', confirmedBy: 'chair' },
      reevaluates: { seq: 1 },
    });
    const again = await api(server, 'POST', '/api/records/2/corrections', TOKEN, {
      members: wrong.members,
      present: wrong.present,
      counts: { satisfied: wrong.present - 1 },
      invalid: 0,
      reason,
    });
    expect(again.status).toBe(409);
    const latest = await api<SealedRecord>(
      server,
      'GET',
      `/api/votes/${wrong.voteId}/record`,
      TOKEN,
    );
    expect(latest.body.seq).toBe(3);

    expect(await cli(['record', 'export', '--all', '--out', all])).toEqual({
      file: all,
      records: 3,
    });
    const corrected = JSON.parse(readFileSync(all, 'utf8')) as SealedRecord[];
    expect(corrected[2]!.corrects?.seq).toBe(2);
    expect(corrected.slice(0, 2)).toEqual(chain);
    expect(await cli(['record', 'verify', all, '--public-key', publicKey as string])).toMatchObject(
      { valid: true, records: 3 },
    );
    // The corrected re-evaluation passed: record 1's re-made report is fulfilled, not escalated.
    // Record 2's own statutory re-report stays (issue 10), marked as corrected away by record 3.
    items = (await api<{ items: FollowUpItem[] }>(server, 'GET', '/api/followups', TOKEN)).body
      .items;
    expect(items.map((f) => [f.seq, f.state, f.reevaluatedBy])).toEqual([
      [1, 'fulfilled', 3],
      [2, 'open', null],
    ]);
    expect(items[1]!.correction).toMatchObject({ kind: 'corrected-away', latestSeq: 3 });
  }, 240_000);
});
