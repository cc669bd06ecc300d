import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SeriesReply, SeriesSummaryReply } from '@hall/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { OPERATOR_TOKEN } from '../../../test-support/app-fixture';
import { MEMBER_SEATS } from '../../../test-support/hall-fixture';
import { listeningApp } from '../../../test-support/listening-app';
import type { CliIo } from '../io';
import { runHall } from '../run';

/** `series create|next|show|summary` against the real app (CONTRACT.md §1 exit codes). */
const live = listeningApp();
const dir = mkdtempSync(path.join(tmpdir(), 'hall-series-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function hall(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { HALL_OPERATOR_TOKEN: OPERATOR_TOKEN },
    cwd: dir,
  };
  const code = await runHall([...argv, '--server', live.base], io);
  return { code, stdout, stderr };
}

const press = (key: number) => {
  for (const seat of MEMBER_SEATS.slice(0, 32)) {
    live.f.buses[seat.startsWith('A') ? 'A' : 'W'].press(Number(seat.slice(2)), [key]);
  }
  live.f.app.hall.presses.flush();
};

describe('hall series', () => {
  it('refuses without a sitting (exit 1, one line on stderr, nothing on stdout)', async () => {
    writeFileSync(
      path.join(dir, 'series.json'),
      JSON.stringify({
        title: '省政府组成部门',
        kind: 'subjects',
        subjects: [
          { title: '省教育厅', profile: 'anhui-2013' },
          { title: '省财政厅', profile: 'anhui-2013' },
        ],
      }),
    );
    const r = await hall(['series', 'create', '--file', 'series.json', '--json']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toContain('尚未开始会议');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(await hall(['series', 'next', '--json'])).toMatchObject({ code: 1, stdout: '' });
    expect(await hall(['series', 'show', '--json'])).toMatchObject({ code: 2, stdout: '' });
    const missing = await hall(['series', 'create', '--file', 'nope.json', '--json']);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
  });

  it('creates, advances with one command, shows and sums up a series', async () => {
    const hallApp = live.f.app.hall;
    hallApp.startSession('第十四届人大常委会第二十次会议');
    for (let i = 1; i <= 35; i++) hallApp.markAttendance(`M${String(i).padStart(3, '0')}`, true);
    const created = await hall(['series', 'create', '--file', 'series.json', '--json']);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const s = JSON.parse(created.stdout) as SeriesReply;
    expect(s).toMatchObject({ title: '省政府组成部门', next: 1 });

    const first = await hall(['series', 'next', '--json']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(first.stdout)).toMatchObject({ seriesId: s.seriesId, index: 1 });
    const whileOpen = await hall(['series', 'next', '--series', String(s.seriesId), '--json']);
    expect(whileOpen).toMatchObject({ code: 1, stdout: '' });
    expect(whileOpen.stderr).toContain('正在进行');
    press(1);
    hallApp.votes.close();
    const second = await hall(['series', 'next', '--series', String(s.seriesId), '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ index: 2 });
    press(3);
    hallApp.votes.close();
    hallApp.votes.announce();

    const shown = await hall(['series', 'show', String(s.seriesId), '--json']);
    expect(shown.code).toBe(0);
    const reply = JSON.parse(shown.stdout) as SeriesReply;
    expect(reply.subjects.map((x) => x.outcome?.id)).toEqual(['satisfied', 'unsatisfied']);
    const text = await hall(['series', 'show', String(s.seriesId)]);
    expect(text.stdout).toContain('2. 省财政厅');

    const sum = await hall(['series', 'summary', String(s.seriesId), '--json']);
    expect(sum.code).toBe(0);
    const summary = JSON.parse(sum.stdout) as SeriesSummaryReply;
    expect(summary.groups[0]!.outcomes[0]!.share).toEqual({ count: 1, of: 2, text: '50%' });
    const plain = await hall(['series', 'summary', String(s.seriesId), '--decimals', '1']);
    expect(plain.stdout).toContain('满意率 50.0%（1/2）');
    const done = await hall(['series', 'next', '--json']);
    expect(done).toMatchObject({ code: 1, stdout: '' });
  });
});
