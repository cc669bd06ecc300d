import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { profileDocument, seedProfile } from '@hall/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { OPERATOR_TOKEN } from '../../../test-support/app-fixture';
import { listeningApp } from '../../../test-support/listening-app';
import type { CliIo } from '../io';
import { runHall } from '../run';

/**
 * Issue 14's commands against a running hall (CONTRACT.md §1): `vote open --method paper
 * --profile-file`, `vote counts`, `vote abandon`, `vote open --retake`, `vote status`.
 */
const live = listeningApp();
const dir = mkdtempSync(path.join(tmpdir(), 'hall-cli-hand-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function hall(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { HALL_OPERATOR_TOKEN: OPERATOR_TOKEN },
    cwd: dir,
  };
  const code = await runHall([...argv, '--server', live.base], io);
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
}

describe('hall vote counts / abandon / open --method --retake', () => {
  it('runs the abandon-and-retake path with the operator token alone', async () => {
    live.f.app.hall.startSession('第二十二次常委会会议');
    for (let i = 1; i <= 40; i++)
      live.f.app.hall.markAttendance(`M${String(i).padStart(3, '0')}`, true);

    // Usage and file errors.
    expect((await hall('vote', 'open', '--title', 't', '--json')).code).toBe(2);
    const both = await hall(
      'vote',
      'open',
      '--title',
      't',
      '--profile',
      'x',
      '--profile-file',
      'y',
    );
    expect(both.code).toBe(2);
    const badMethod = await hall(
      'vote',
      'open',
      '--title',
      't',
      '--profile',
      'zizhou',
      '--method',
      'pens',
    );
    expect(badMethod.code).toBe(2);
    const missing = await hall(
      'vote',
      'open',
      '--title',
      't',
      '--profile-file',
      'none.json',
      '--json',
    );
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    writeFileSync(path.join(dir, 'bad.json'), '{not json');
    const notJson = await hall('vote', 'open', '--title', 't', '--profile-file', 'bad.json');
    expect(notJson).toMatchObject({ code: 1, stdout: '' });
    expect(notJson.stderr).toMatch(/不是 JSON/);

    const opened = await hall(
      'vote',
      'open',
      '--title',
      '报告',
      '--profile',
      'anhui-2013',
      '--json',
    );
    expect(opened.json()).toEqual({ voteId: 1 });
    const refused = await hall('vote', 'counts', '--counts', 'satisfied=1', '--json');
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    const abandoned = await hall('vote', 'abandon', '--reason', '表决器故障', '--json');
    expect(abandoned.json()).toMatchObject({ voteId: 1, state: 'abandoned', reason: '表决器故障' });
    expect((await hall('vote', 'status', '--json')).json()).toEqual({
      voteId: 1,
      state: 'abandoned',
      present: 0,
      pressed: 0,
    });

    writeFileSync(
      path.join(dir, 'anhui.json'),
      JSON.stringify(profileDocument(seedProfile('anhui-2013')!)),
    );
    const retake = await hall(
      'vote',
      'open',
      '--title',
      '报告',
      '--profile-file',
      'anhui.json',
      '--method',
      'paper',
      '--retake',
      '1',
      '--json',
    );
    expect(retake.json()).toEqual({ voteId: 2 });
    const over = await hall('vote', 'counts', '--counts', 'satisfied=41', '--json');
    expect(over).toMatchObject({ code: 1, stdout: '' });
    const counted = await hall(
      'vote',
      'counts',
      '--counts',
      'satisfied=30,basically-satisfied=5',
      '--invalid',
      '1',
      '--json',
    );
    expect(counted.json()).toEqual({ voteId: 2, pressed: 36 });
    expect((await hall('vote', 'status', '--json')).json()).toEqual({
      voteId: 2,
      state: 'open',
      present: 40,
      pressed: 36,
    });
    const text = await hall('vote', 'status');
    expect(text.stdout).toContain('纸质票');
    const closed = await hall('vote', 'close', '--json');
    expect(closed.json()).toMatchObject({ voteId: 2, valid: 35, invalid: 1, outcome: 'satisfied' });
  });
});
