import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { canonicalHash } from '../canonical';
import { keyFingerprint } from '../keys';
import { bodyFor, sampleChain, tempKey } from '../../../test-support/test-records';
import { csvField, neutralize, recordsCsv } from './csv';
import { sealRecord } from '../seal';
import type { SealedRecord } from '@hall/shared';
import { reportModel } from './report-model';
import { renderRecordPdf } from './pdf';

const key = tempKey();
const chain = sampleChain(key);

describe('printable report (PDF)', () => {
  it('contains the Chinese title, every count, the outcome, the hash and the key fingerprint', async () => {
    const record = chain[0]!;
    const pdf = await renderRecordPdf(record, { sittingTitle: '第十四届人大常委会第二十次会议' });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'hall-pdf-')), 'r.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(record.title);
    expect(flat).toContain('报告机关：省人民政府');
    const want: [string, number][] = [
      ['应到（全体组成人员）', record.members],
      ['实到', record.present],
      ['满意', record.counts.satisfied!],
      ['基本满意', record.counts['basically-satisfied']!],
      ['不满意', record.counts.unsatisfied!],
      ['无效', record.invalid],
      ['未按', record.notVoted],
    ];
    for (const [label, value] of want) {
      expect(text).toMatch(new RegExp(`^\\s*${label}\\s+${value}\\s*$`, 'm'));
    }
    expect(flat).toContain('测评结果：满意');
    expect(flat).toContain(canonicalHash(record));
    expect(flat).toContain(keyFingerprint(key.publicKey));
    expect(flat).toContain('第十六条');
    // Issue 13: the sitting's name (not `会议 1 · 测评 1`), the Chinese date line, Beijing time
    // first, the lines to sign on, the record's seq and hash.
    expect(flat).toContain('常委会会议厅·第十四届人大常委会第二十次会议');
    expect(flat).not.toMatch(/会议1·测评/);
    expect(text).toMatch(/^\s*2026年11月26日\s*$/m);
    expect(flat).toContain('宣布：北京时间2026-11-2617:01:45（UTC2026-11-26T09:01:45.500Z）');
    for (const who of ['主持人', '计票人', '监票人']) expect(flat).toContain(`${who}（签字）：`);
    expect(flat).toContain(`记录第1号·测评编号1·哈希${canonicalHash(record).slice(0, 12)}`);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/CJK.*\byes\s+yes\b/); // embedded, subset
  });
});

describe('CSV of all results', () => {
  it('has one row per record whose figures equal the sealed record', () => {
    const csv = recordsCsv(chain, () => '第十四届人大常委会第二十次会议');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')[0]).toMatch(
      /^\uFEFF序号,会议,会议编号,测评编号,测评事项,报告机关,测评办法,应到,实到/,
    );
    const rows: Record<string, string>[] = parse(csv.slice(1), { columns: true });
    expect(rows).toHaveLength(chain.length);
    rows.forEach((row, i) => {
      const r = chain[i]!;
      expect(row).toMatchObject({
        序号: String(r.seq),
        会议: '第十四届人大常委会第二十次会议',
        测评事项: r.title,
        测评办法: r.profile.name.zh,
        应到: String(r.members),
        实到: String(r.present),
        有效: String(r.valid),
        满意: String(r.counts.satisfied),
        基本满意: String(r.counts['basically-satisfied']),
        不满意: String(r.counts.unsatisfied),
        无效: String(r.invalid),
        未按: String(r.notVoted),
        测评结果代码: r.outcome,
        记录哈希: canonicalHash(r),
      });
    });
    expect(rows.map((r) => r.测评结果)).toEqual(['满意', '不满意', '应当整改']);
  });

  it('shows Beijing time (the next day after 16:00 UTC) and keeps the recorded UTC at the end', () => {
    const late = {
      ...chain[0]!,
      openedAt: '2026-12-01T19:14:15.000Z',
      announcedAt: '2026-12-31T17:00:00.000Z',
    };
    const [row] = parse(recordsCsv([late]).slice(1), { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({
      '开始时间（北京时间）': '2026-12-02 03:14:15',
      '宣布时间（北京时间）': '2027-01-01 01:00:00',
      '宣布时间（UTC）': '2026-12-31T17:00:00.000Z',
      '开始时间（UTC）': late.openedAt,
      会议: '会议编号 1', // no sitting name known
    });
    expect(Object.keys(row!).at(-1)).toBe('宣布时间（UTC）');
    expect(reportModel(late).times.at(-1)).toEqual({
      label: '宣布',
      value: '北京时间 2027-01-01 01:00:00（UTC 2026-12-31T17:00:00.000Z）',
    });
    expect(reportModel(late).date).toBe('2027年1月1日');
  });

  it('quotes fields with commas and quotes', () => {
    const odd = { ...chain[0]!, title: '关于"三农",工作的报告' };
    const rows: Record<string, string>[] = parse(recordsCsv([odd]).slice(1), { columns: true });
    expect(rows[0]!.测评事项).toBe('关于"三农",工作的报告');
  });

  it('names the corrected record, the outcome it replaces and the reason, in the model and the CSV', () => {
    const hash = canonicalHash(chain[0]);
    const correction = { ...chain[0]!, seq: 4, corrects: { seq: 1, hash, reason: '计票有误' } };
    const m = reportModel(correction, { records: chain });
    expect(m.heading).toBe('满意度测评结果（更正）');
    expect(m.correction).toBe(
      `更正记录：更正第 1 号记录（原结果：满意），理由：计票有误。被更正记录的哈希：${hash}`,
    );
    expect(reportModel(chain[0]!).correction).toBeNull();
    expect(reportModel(chain[0]!, { correctedBy: correction }).supersededBy).toBe(
      '本记录已由第 4 号记录更正（更正后结果：满意），理由：计票有误；请以更正记录为准',
    );
    const rows: Record<string, string>[] = parse(recordsCsv([chain[0]!, correction]).slice(1), {
      columns: true,
    });
    expect(rows.map((r) => [r.更正的记录序号, r.更正理由])).toEqual([
      ['', ''],
      ['1', '计票有误'],
    ]);
  });
});

describe('issue 10: corrected records say so everywhere; CSV cells never become formulas', () => {
  const corrected = sealRecord(
    {
      ...bodyFor(2, 'zizhou', { satisfied: 40, 'basically-satisfied': 2, unsatisfied: 12 }),
      corrects: {
        seq: 2,
        hash: canonicalHash(chain[1]),
        reason: '计票员将满意票误计为不满意票',
        proposedBy: 'secretariat',
        confirmedBy: 'chair',
        previousOutcome: { id: 'unsatisfied', label: { zh: '不满意', en: 'Unsatisfied' } },
      },
    },
    chain[2]!,
    key,
  );
  const all = [...chain, corrected];
  const pdfText = async (record: SealedRecord, ctx: Parameters<typeof renderRecordPdf>[1]) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'hall-pdf-')), 'r.pdf');
    writeFileSync(file, await renderRecordPdf(record, ctx));
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
  };
  const head = { seq: 4, hash: canonicalHash(corrected).slice(0, 12) };

  it('the PDF of a correction says what it replaces, who proposed and confirmed, and the chain head', async () => {
    const flat = await pdfText(corrected, { records: all, chainHead: head });
    expect(flat).toContain('满意度测评结果（更正）');
    expect(flat).toContain(
      '更正记录：更正第2号记录（原结果：不满意），理由：计票员将满意票误计为不满意票；提议：secretariat，确认：chair',
    );
    expect(flat).toContain(`打印时本会场最新签名记录：第4号，哈希前12位${head.hash}`);
  });

  it('the PDF of the replaced record says it was corrected, and by which record', async () => {
    const flat = await pdfText(chain[1]!, {
      records: all,
      correctedBy: corrected,
      chainHead: head,
    });
    expect(flat).toContain('满意度测评结果（已被更正）');
    expect(flat).toContain('本记录已由第4号记录更正（更正后结果：满意）');
    expect(flat).toContain(`第4号，哈希前12位${head.hash}`);
  });

  it('the CSV marks the correction and the corrected record', () => {
    const rows: Record<string, string>[] = parse(recordsCsv(all).slice(1), { columns: true });
    expect(rows[3]).toMatchObject({
      更正的记录序号: '2',
      更正说明:
        '更正记录：更正第 2 号记录（原结果：不满意），理由：计票员将满意票误计为不满意票；提议：secretariat，确认：chair',
      更正提议: 'secretariat',
      更正确认: 'chair',
      被更正情况: '',
    });
    expect(rows[1]!.被更正情况).toBe('本记录已由第 4 号记录更正');
    expect(rows[0]!.被更正情况).toBe('');
  });

  it('escapes cells that a spreadsheet would read as a formula', () => {
    const evil = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'];
    const records = evil.map((title) => ({ ...chain[0]!, title, organ: title }));
    const rows: Record<string, string>[] = parse(recordsCsv(records).slice(1), {
      columns: true,
    });
    expect(rows.map((r) => r.测评事项)).toEqual(evil.map((e) => `'${e}`));
    expect(rows.map((r) => r.报告机关)).toEqual(evil.map((e) => `'${e}`));
    // A sitting's name too (the server refuses such titles, the writer does not rely on it).
    const sitting: Record<string, string>[] = parse(
      recordsCsv([chain[0]!], () => '=cmd|"/c calc"!A1').slice(1),
      { columns: true },
    );
    expect(sitting[0]!.会议).toBe(`'=cmd|"/c calc"!A1`);
    expect(csvField('-3')).toBe("'-3");
    expect(csvField(-3)).toBe('-3'); // a number is a number
    // Numbers and ordinary text are left alone.
    expect(rows[0]!.应到).toBe(String(chain[0]!.members));
    expect(neutralize('省人民政府')).toBe('省人民政府');
  });
});
