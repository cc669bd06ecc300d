import { correctionNote, formatBeijing, type SealedRecord } from '@hall/shared';
import { correctionOf } from '../current';
import { outcomeLabelOf } from './labels';
import { canonicalHash } from '../canonical';

/**
 * A text cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets
 * a leading `'` (OWASP "CSV injection"): a title like `=HYPERLINK(...)` stays text.
 */
export function neutralize(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
function field(v: string | number | null): string {
  const s = v === null ? '' : typeof v === 'number' ? String(v) : neutralize(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * All results as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese), one row per
 * sealed record, in chain order (a correction is a row of its own naming the record it corrects). Option columns are the union of the records' option sets.
 * The times are the record's own (ISO 8601 UTC); `announcedAtBeijing` repeats the announcement in
 * Beijing time (`2026-11-26 09:30:00`) for people reading the sheet.
 */
export function recordsCsv(records: readonly SealedRecord[]): string {
  const options: { key: string; label: string }[] = [];
  for (const r of records) {
    for (const o of r.profile.optionSet.options) {
      if (!options.some((x) => x.key === o.key)) options.push({ key: o.key, label: o.label.zh });
    }
  }
  const header = [
    'seq',
    'sessionId',
    'voteId',
    'title',
    'organ',
    'profile',
    'members',
    'present',
    ...options.map((o) => `${o.key}（${o.label}）`),
    'invalid',
    'notVoted',
    'outcome',
    'outcomeLabel',
    'openedAt',
    'closedAt',
    'announcedAt',
    'announcedAtBeijing',
    'hash',
    'corrects',
    'correctionReason',
    'correction',
    'proposedBy',
    'confirmedBy',
    'correctedBy',
  ];
  const rows = records.map((r) => {
    const c = correctionOf(r, records);
    const by = records.find((x) => x.corrects?.seq === r.seq);
    return [
      r.seq,
      r.sessionId,
      r.voteId,
      r.title,
      r.organ ?? null,
      r.profile.id,
      r.members,
      r.present,
      ...options.map((o) => (o.key in r.counts ? (r.counts[o.key] ?? 0) : null)),
      r.invalid,
      r.notVoted,
      r.outcome,
      outcomeLabelOf(r),
      r.openedAt,
      r.closedAt,
      r.announcedAt,
      formatBeijing(r.announcedAt, 'datetime'),
      canonicalHash(r),
      r.corrects?.seq ?? null,
      r.corrects?.reason ?? null,
      c ? correctionNote(c).zh : null,
      r.corrects?.proposedBy ?? null,
      r.corrects?.confirmedBy ?? null,
      by ? `本记录已由第 ${by.seq} 号记录更正` : null,
    ];
  });
  return '\uFEFF' + [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
