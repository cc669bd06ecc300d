import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SeriesReply, SeriesSummaryReply } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_SEATS } from '../../test-support/hall-fixture';
import { seriesApp, type SeriesApp } from '../../test-support/series-app';

/**
 * Issue 14, 安徽 第十四条: "专项工作涉及两个以上政府部门职责的…可以对相关部门履行职责情况进行满意度
 * 测评". One agenda item, one report, three departments: one evaluation each, opened in a row by
 * the chair's one action, each with its own sealed record naming its department and the series,
 * reported together by the summary.
 */
const ITEM = '关于全省生态环境保护工作情况的报告';
const DEPARTMENTS = ['省生态环境厅', '省自然资源厅', '省水利厅'];
let h: SeriesApp;

beforeAll(async () => {
  h = await seriesApp();
  await h.post('/api/sessions', { title: '安徽省第十四届人大常委会第十二次会议' });
  for (let i = 1; i <= 40; i++) {
    await h.post('/api/attendance/mark', {
      memberId: `M${String(i).padStart(3, '0')}`,
      present: true,
    });
  }
});
afterAll(async () => {
  await h?.close();
});

describe('the departments of one report (安徽 第十四条)', () => {
  it('evaluates each department in a row and reports them together', async () => {
    const { itemId } = await h.post<{ itemId: number }>(
      '/api/sessions/current/items',
      { title: ITEM, organ: '省人民政府' },
      'secretariat',
    );
    const s = await h.post<SeriesReply>(
      '/api/series',
      {
        title: ITEM,
        kind: 'departments',
        itemId,
        subjects: DEPARTMENTS.map((title) => ({ title, profile: 'anhui-2013' })),
      },
      'secretariat',
    );
    expect(s).toMatchObject({ kind: 'departments', itemId, organ: '省人民政府', next: 1 });

    // 60 members, 40 present; 满意 needs 30 (2s >= 60), 基本满意 s+b >= 30.
    const split: [number, number, number][] = [
      [34, 4, 2], // 满意
      [22, 12, 6], // 基本满意
      [10, 15, 15], // 不满意
    ];
    const voteIds: number[] = [];
    for (const [k, [sat, basic, uns]] of split.entries()) {
      const r = await h.post<{ index: number; voteId: number }>(
        `/api/series/${s.seriesId}/next`,
        undefined,
        'chair',
      );
      expect(r.index).toBe(k + 1);
      voteIds.push(r.voteId);
      const seats = MEMBER_SEATS.slice(0, sat + basic + uns);
      h.press(seats.slice(0, sat), 1);
      h.press(seats.slice(sat, sat + basic), 2);
      h.press(seats.slice(sat + basic), 3);
      await h.post('/api/votes/latest/close', undefined, 'chair');
    }
    await h.post('/api/votes/latest/announce', undefined, 'chair');

    const records = await Promise.all(voteIds.map((v) => h.record(v)));
    expect(
      records.map((r) => [r.title, r.organ, r.outcome, r.series?.subject, r.series?.index]),
    ).toEqual([
      [`${ITEM}：省生态环境厅`, '省人民政府', 'satisfied', '省生态环境厅', 1],
      [`${ITEM}：省自然资源厅`, '省人民政府', 'basically-satisfied', '省自然资源厅', 2],
      [`${ITEM}：省水利厅`, '省人民政府', 'unsatisfied', '省水利厅', 3],
    ]);
    for (const r of records) {
      expect(r.series).toMatchObject({ seriesId: s.seriesId, kind: 'departments', count: 3 });
      expect(r).toMatchObject({ method: 'keypads', roster: 'committee' });
    }

    const sum = await h.get<SeriesSummaryReply>(`/api/series/${s.seriesId}/summary`, 'chair');
    expect(sum).toMatchObject({ title: ITEM, kind: 'departments', organ: '省人民政府' });
    expect(
      sum.subjects.map((x) => [x.title, x.recordSeq, x.returned, x.outcome?.label.zh]),
    ).toEqual([
      ['省生态环境厅', records[0]!.seq, 40, '满意'],
      ['省自然资源厅', records[1]!.seq, 40, '基本满意'],
      ['省水利厅', records[2]!.seq, 40, '不满意'],
    ]);
    expect(sum.subjects[0]!.optionShares.map((o) => o.share.text)).toEqual(['85%', '10%', '5%']);
    expect(sum.groups).toHaveLength(1);
    expect(sum.groups[0]!.outcomes.map((o) => [o.label.zh, o.share.count, o.share.of])).toEqual([
      ['满意', 1, 3],
      ['基本满意', 1, 3],
      ['不满意', 1, 3],
    ]);

    // One printable page for the three departments, each naming its sealed record.
    const pdf = await h.f.app.inject({
      url: `/api/series/${s.seriesId}/report.pdf`,
      headers: h.f.auth('secretariat'),
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(path.join(tmpdir(), 'hall-series-pdf-'));
    const file = path.join(dir, 'series.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(text).toContain('各部门满意度测评汇总');
    expect(text).toContain('报告机关：省人民政府');
    for (const [i, d] of DEPARTMENTS.entries()) {
      expect(text).toContain(`${i + 1}. ${d}`);
      expect(text).toContain(`第 ${records[i]!.seq} 号记录`);
    }
    expect(text).toMatch(/满意率 33%（1\/3）/);
    const display = await h.call('GET', `/api/series/${s.seriesId}/report.pdf`, 'technician');
    expect(display.statusCode).toBe(403);
  });
});
