import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { canonicalHash } from '../canonical';
import { keyFingerprint } from '../keys';
import { sampleChain, tempKey } from '../test-records';
import { recordsCsv } from './csv';
import { reportModel } from './report-model';
import { renderRecordPdf } from './pdf';

const key = tempKey();
const chain = sampleChain(key);

describe('printable report (PDF)', () => {
  it('contains the Chinese title, every count, the outcome, the hash and the key fingerprint', async () => {
    const record = chain[0]!;
    const pdf = await renderRecordPdf(record);
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
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/CJK.*\byes\s+yes\b/); // embedded, subset
  });
});

describe('CSV of all results', () => {
  it('has one row per record whose figures equal the sealed record', () => {
    const csv = recordsCsv(chain);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows: Record<string, string>[] = parse(csv.slice(1), { columns: true });
    expect(rows).toHaveLength(chain.length);
    rows.forEach((row, i) => {
      const r = chain[i]!;
      expect(row).toMatchObject({
        seq: String(r.seq),
        title: r.title,
        members: String(r.members),
        present: String(r.present),
        'satisfied（满意）': String(r.counts.satisfied),
        'basically-satisfied（基本满意）': String(r.counts['basically-satisfied']),
        'unsatisfied（不满意）': String(r.counts.unsatisfied),
        invalid: String(r.invalid),
        notVoted: String(r.notVoted),
        outcome: r.outcome,
        hash: canonicalHash(r),
      });
    });
    expect(rows.map((r) => r.outcomeLabel)).toEqual(['满意', '不满意', '应当整改']);
  });

  it('quotes fields with commas and quotes', () => {
    const odd = { ...chain[0]!, title: '关于"三农",工作的报告' };
    const rows: Record<string, string>[] = parse(recordsCsv([odd]).slice(1), { columns: true });
    expect(rows[0]!.title).toBe('关于"三农",工作的报告');
  });

  it('names the corrected record and the reason, in the printout and the CSV', () => {
    const hash = canonicalHash(chain[0]);
    const correction = { ...chain[0]!, seq: 4, corrects: { seq: 1, hash, reason: '计票有误' } };
    const m = reportModel(correction);
    expect(m.heading).toBe('满意度测评结果（更正）');
    expect(m.correction).toBe(`本记录更正第 1 号记录（哈希 ${hash}）。更正理由：计票有误`);
    expect(reportModel(chain[0]!).correction).toBeNull();
    const rows: Record<string, string>[] = parse(recordsCsv([chain[0]!, correction]).slice(1), {
      columns: true,
    });
    expect(rows.map((r) => [r.corrects, r.correctionReason])).toEqual([
      ['', ''],
      ['1', '计票有误'],
    ]);
  });
});
