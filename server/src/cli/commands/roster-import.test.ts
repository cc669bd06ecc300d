import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OPERATOR_TOKEN } from '../../../test-support/app-fixture';
import { listeningApp } from '../../../test-support/listening-app';
import { gb18030Csv, rosterRows, rosterXlsx, utf8BomCsv } from '../../../test-support/roster-files';
import type { CliIo } from '../io';
import { runHall } from '../run';
import { rosterFileType } from './roster-import';

/** `roster import <file>` against the real app, with real files in a temp dir. */
const live = listeningApp();
const dir = mkdtempSync(path.join(tmpdir(), 'hall-roster-'));
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

describe('hall roster import <file>', () => {
  it('sends a GB18030 CSV, a UTF-8-with-BOM CSV and an XLSX as they are', async () => {
    writeFileSync(path.join(dir, '名单-gbk.csv'), gb18030Csv());
    writeFileSync(path.join(dir, 'roster-bom.csv'), utf8BomCsv());
    writeFileSync(path.join(dir, 'roster.xlsx'), await rosterXlsx());
    for (const file of ['名单-gbk.csv', 'roster-bom.csv', 'roster.xlsx']) {
      const r = await hall(['roster', 'import', file, '--json']);
      expect(r, file).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(r.stdout)).toEqual({ members: 2, observers: 1 });
    }
    expect(rosterFileType('a.XLSX')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(rosterFileType('a.csv')).toBe('text/csv');
    expect(rosterFileType('名单')).toBe('application/octet-stream');
  });

  it('exits 1 naming the line (CSV) or the sheet row (XLSX), and changes nothing', async () => {
    const before = [...live.f.app.hall.roster.all()];
    const rows = rosterRows();
    rows[2]![2] = '代表';
    writeFileSync(path.join(dir, 'bad.csv'), gb18030Csv(rows));
    writeFileSync(path.join(dir, 'bad.xlsx'), await rosterXlsx(rows));
    const csv = await hall(['roster', 'import', 'bad.csv', '--json']);
    expect(csv).toMatchObject({ code: 1, stdout: '' });
    expect(csv.stderr).toContain('名单第 3 行：身份“代表”');
    expect(csv.stderr).toContain('roster line 3: role "代表" must be member or observer');
    expect(csv.stderr.trim().split('\n')).toHaveLength(1);
    const xlsx = await hall(['roster', 'import', 'bad.xlsx', '--json']);
    expect(xlsx).toMatchObject({ code: 1, stdout: '' });
    expect(xlsx.stderr).toContain('roster sheet "名单" row 3: role "代表"');
    expect(live.f.app.hall.roster.all()).toEqual(before);
  });
});
