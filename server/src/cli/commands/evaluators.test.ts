import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OPERATOR_TOKEN } from '../../../test-support/app-fixture';
import {
  EVALUATORS,
  evaluatorRows,
  evaluatorsGbCsv,
  evaluatorsXlsx,
} from '../../../test-support/evaluator-files';
import { listeningApp } from '../../../test-support/listening-app';
import type { CliIo } from '../io';
import { runHall } from '../run';

/** `session start --kind evaluation` and `evaluators import <file>` against the real app. */
const live = listeningApp();
const dir = mkdtempSync(path.join(tmpdir(), 'hall-evaluators-'));
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

const GROUPS = [
  { group: '两代表一委员', count: 20 },
  { group: '服务对象代表', count: 22 },
];

describe('hall session start --kind, hall evaluators import <file>', () => {
  it('refuses evaluators in a committee sitting (exit 1, one line)', async () => {
    writeFileSync(path.join(dir, '评议人员.csv'), evaluatorsGbCsv());
    const s = await hall(['session', 'start', '--title', '第十四届常委会第十次会议', '--json']);
    expect(s.code).toBe(0);
    const r = await hall(['evaluators', 'import', '评议人员.csv', '--json']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toContain('not an evaluation meeting');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('starts an evaluation meeting and imports a GB18030 CSV and an XLSX', async () => {
    const s = await hall([
      'session',
      'start',
      '--title',
      '群众评议会议',
      '--kind',
      'evaluation',
      '--json',
    ]);
    expect(s).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(s.stdout)).toEqual({ sessionId: expect.any(Number) });
    expect(live.f.app.hall.sessions.currentKind()).toBe('evaluation');
    writeFileSync(path.join(dir, 'evaluators.xlsx'), await evaluatorsXlsx());
    for (const file of ['评议人员.csv', 'evaluators.xlsx']) {
      const r = await hall(['evaluators', 'import', file, '--json']);
      expect(r, file).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(r.stdout)).toEqual({ evaluators: 42, groups: GROUPS });
    }
    const text = await hall(['evaluators', 'import', '评议人员.csv']);
    expect(text.stdout).toBe('评议人员已导入：42 人（两代表一委员 20，服务对象代表 22）\n');
    expect(live.f.app.hall.evaluators.current()).toEqual(EVALUATORS);
  });

  it('exits 1 naming the line of a bad file, and changes nothing; 2 on a usage error', async () => {
    const rows = evaluatorRows();
    rows[5]![3] = 'A-29';
    writeFileSync(path.join(dir, 'bad.csv'), evaluatorsGbCsv(rows));
    const bad = await hall(['evaluators', 'import', 'bad.csv', '--json']);
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toContain('评议人员名单第 6 行：席位 A-29 已在第 2 行分配');
    expect(live.f.app.hall.evaluators.current()).toEqual(EVALUATORS);
    expect((await hall(['evaluators', 'import'])).code).toBe(2);
    const kind = await hall(['session', 'start', '--title', 't', '--kind', 'plenary']);
    expect(kind).toMatchObject({ code: 2, stdout: '' });
    expect(kind.stderr).toContain('--kind must be committee or evaluation');
    expect(live.f.app.hall.sessions.currentKind()).toBe('evaluation');
  });
});
