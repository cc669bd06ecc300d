import {
  correctionNote,
  formatBeijing,
  METHOD_WORDS,
  methodLine,
  type SealedRecord,
} from '@hall/shared';
import { correctionOf } from '../current';
import { canonicalHash } from '../canonical';
import { outcomeLabelOf } from './labels';

/** A cell of an export: a number stays a number (XLSX numeric cell), text is text, null is empty. */
export type Cell = string | number | null;

export interface ExportColumn {
  header: string;
  /** `number`: a count or an id (numeric in XLSX); `text`: anything else (times included). */
  kind: 'number' | 'text';
}

export interface ExportTable {
  columns: ExportColumn[];
  rows: Cell[][];
}

/**
 * The sitting's name for a record (会议): the sessions store knows it (the signed record has only
 * `sessionId`), the route looks it up read-only; a record whose sitting is unknown there is named
 * by its number.
 */
export type SittingTitleOf = (sessionId: number) => string | null | undefined;

export function sittingName(sessionId: number, title: string | null | undefined): string {
  return title ? title : `会议编号 ${sessionId}`;
}

/**
 * The columns of the CSV and the XLSX export, one row per sealed record in chain order (a
 * correction is a row of its own naming the record it corrects). Chinese headers and Beijing time
 * (`2026-12-02 09:30:00`, fixed UTC+8) for people; at the end, for machines, the profile and
 * outcome codes, how the ballots were taken (`keypads`, `paper`, `hands`; issue 14) and the
 * record's own ISO 8601 UTC times. Option columns are the union of the
 * records' option sets, headed by their Chinese label (a label shared by two different option
 * keys gets the key beside it); a record whose profile has no such option leaves the cell empty.
 * Everything comes from the sealed records except the sitting's name (`sittingTitle`).
 */
export function exportTable(
  records: readonly SealedRecord[],
  sittingTitle: SittingTitleOf = () => null,
): ExportTable {
  const options: { key: string; label: string }[] = [];
  for (const r of records) {
    for (const o of r.profile.optionSet.options) {
      if (!options.some((x) => x.key === o.key)) options.push({ key: o.key, label: o.label.zh });
    }
  }
  const optionHeader = (o: { key: string; label: string }) =>
    options.some((x) => x.label === o.label && x.key !== o.key)
      ? `${o.label}（${o.key}）`
      : o.label;
  const num = (header: string): ExportColumn => ({ header, kind: 'number' });
  const text = (header: string): ExportColumn => ({ header, kind: 'text' });
  const columns: ExportColumn[] = [
    num('序号'),
    text('会议'),
    num('会议编号'),
    num('测评编号'),
    text('测评事项'),
    text('报告机关'),
    text('测评办法'),
    num('应到'),
    num('实到'),
    num('有效'),
    ...options.map((o) => num(optionHeader(o))),
    num('无效'),
    num('未按'),
    text('测评结果'),
    text('依据'),
    text('表决方式'),
    text('开始时间（北京时间）'),
    text('结束时间（北京时间）'),
    text('宣布时间（北京时间）'),
    text('记录哈希'),
    num('更正的记录序号'),
    text('更正理由'),
    text('更正说明'),
    text('更正提议'),
    text('更正确认'),
    text('被更正情况'),
    text('重新测评'),
    text('测评办法代码'),
    text('表决方式代码'),
    text('测评结果代码'),
    text('开始时间（UTC）'),
    text('结束时间（UTC）'),
    text('宣布时间（UTC）'),
  ];
  const titles = new Map<number, string>();
  const sitting = (id: number) => {
    if (!titles.has(id)) titles.set(id, sittingName(id, sittingTitle(id)));
    return titles.get(id)!;
  };
  const rows = records.map((r): Cell[] => {
    const c = correctionOf(r, records);
    const by = records.find((x) => x.corrects?.seq === r.seq);
    return [
      r.seq,
      sitting(r.sessionId),
      r.sessionId,
      r.voteId,
      r.title,
      r.organ ?? null,
      r.profile.name.zh,
      r.members,
      r.present,
      r.valid,
      ...options.map((o) =>
        r.profile.optionSet.options.some((x) => x.key === o.key) ? (r.counts[o.key] ?? 0) : null,
      ),
      r.invalid,
      r.notVoted,
      outcomeLabelOf(r),
      r.explanation?.zh ?? null,
      METHOD_WORDS[r.method ?? 'keypads'].zh,
      formatBeijing(r.openedAt, 'datetime'),
      formatBeijing(r.closedAt, 'datetime'),
      formatBeijing(r.announcedAt, 'datetime'),
      canonicalHash(r),
      r.corrects?.seq ?? null,
      r.corrects?.reason ?? null,
      c ? correctionNote(c).zh : null,
      r.corrects?.proposedBy ?? null,
      r.corrects?.confirmedBy ?? null,
      by ? `本记录已由第 ${by.seq} 号记录更正` : null,
      r.retakes ? (methodLine(r)?.zh ?? null) : null,
      r.profile.id,
      r.method ?? 'keypads',
      r.outcome,
      r.openedAt,
      r.closedAt,
      r.announcedAt,
    ];
  });
  return { columns, rows };
}
