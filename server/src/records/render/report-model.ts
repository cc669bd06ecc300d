import { outcomeLabelOf } from './labels';
import { canonicalHash } from '../canonical';
import { keyFingerprint } from '../keys';
import {
  correctionNote,
  formatBeijing,
  METHOD_WORDS,
  methodLine,
  shortHash,
  type ChainHead,
  type SealedRecord,
} from '@hall/shared';
import { correctionOf } from '../current';
import { sittingName } from './export-table';

/**
 * Everything a printout shows, taken from the sealed record (and its chain) alone: the console,
 * the hall display, the PDF, the CSV and the XLSX all read the same record, so they cannot
 * disagree. The one thing from elsewhere is the sitting's name (`ReportContext.sittingTitle`, read
 * from the sessions store; the signed record has only `sessionId`, and old records stay as signed).
 */
export interface ReportModel {
  heading: string;
  /** For a correction: which record it corrects, the outcome it replaces and why; else null. */
  correction: string | null;
  /** For a record that a later correction replaced: which one, and its outcome; else null. */
  supersededBy: string | null;
  /** The hall chain's latest record when this was printed (seq and short hash), if known. */
  chainHead: string | null;
  title: string;
  organ: string | null;
  hall: string;
  /** The sitting's name (from the sessions store), or `会议编号 N` when it is not known. */
  sitting: string;
  /** The day of the announcement in Beijing time, Chinese: `2026年12月2日`. */
  date: string;
  sessionId: number;
  voteId: number;
  seq: number;
  profileName: string;
  /** Issue 14: how the ballots were taken (`表决方式：纸质票计票`), always said. */
  method: string;
  /** Issue 14: the abandoned vote this one retakes, and why (`重新测评：…`); else null. */
  retake: string | null;
  rows: { label: string; value: number }[];
  outcome: string;
  explanation: string;
  rules: string[];
  followUp: string[];
  times: { label: string; value: string }[];
  hash: string;
  /** `记录第 3 号 · 哈希 0123456789ab`: the record's place in the chain and its short hash. */
  seqLine: string;
  /** Who signs the printout (blank lines with these labels). */
  signatures: string[];
  fingerprint: string;
}

/** What a printout knows beyond its record: the chain it belongs to. */
export interface ReportContext {
  /** The hall's chain (to name the outcome an old-style correction replaced). */
  records?: readonly SealedRecord[];
  /** The record that corrects this one, if any. */
  correctedBy?: SealedRecord | null;
  chainHead?: ChainHead | null;
  /** The sitting's name, looked up (read-only) by the caller: the signed record has only its id. */
  sittingTitle?: string | null;
}

export function reportModel(r: SealedRecord, ctx: ReportContext = {}): ReportModel {
  const c = correctionOf(r, ctx.records);
  const by = ctx.correctedBy;
  const hash = canonicalHash(r);
  return {
    heading: r.corrects
      ? '满意度测评结果（更正）'
      : by
        ? '满意度测评结果（已被更正）'
        : '满意度测评结果',
    correction: c ? `${correctionNote(c).zh}。被更正记录的哈希：${c.hash}` : null,
    supersededBy: by
      ? `本记录已由第 ${by.seq} 号记录更正（更正后结果：${outcomeLabelOf(by)}），理由：${by.corrects?.reason ?? ''}；请以更正记录为准`
      : null,
    chainHead: ctx.chainHead
      ? `打印时本会场最新签名记录：第 ${ctx.chainHead.seq} 号，哈希前 12 位 ${ctx.chainHead.hash}`
      : null,
    title: r.title,
    organ: r.organ ?? null,
    hall: r.hall,
    sitting: sittingName(r.sessionId, ctx.sittingTitle),
    date: formatBeijing(r.announcedAt, 'zh-date'),
    sessionId: r.sessionId,
    voteId: r.voteId,
    seq: r.seq,
    profileName: `${r.profile.name.zh}（${r.profile.source.articles.join('、')}）`,
    method: `表决方式：${METHOD_WORDS[r.method ?? 'keypads'].zh}`,
    retake: r.retakes ? (methodLine(r)?.zh ?? null) : null,
    rows: [
      { label: '应到（全体组成人员）', value: r.members },
      { label: '实到', value: r.present },
      ...r.profile.optionSet.options.map((o) => ({
        label: o.label.zh,
        value: r.counts[o.key] ?? 0,
      })),
      { label: '无效', value: r.invalid },
      { label: (r.method ?? 'keypads') === 'keypads' ? '未按' : '未投票', value: r.notVoted },
    ],
    outcome: outcomeLabelOf(r),
    explanation: r.explanation?.zh ?? '',
    rules: r.profile.ladder.map((rung) => `${rung.rule.zh}（${rung.cite}）`),
    followUp: r.followUp.map((f) => `${f.label.zh}（${f.cite}）`),
    times: [
      { label: '开始', value: withBeijing(r.openedAt) },
      { label: '结束', value: withBeijing(r.closedAt) },
      { label: '宣布', value: withBeijing(r.announcedAt) },
    ],
    hash,
    seqLine: `记录第 ${r.seq} 号 · 测评编号 ${r.voteId} · 哈希 ${shortHash(hash)}`,
    signatures: ['主持人', '计票人', '监票人'],
    fingerprint: keyFingerprint(r.signature.publicKey),
  };
}

/**
 * The moment in Beijing time first, for the reader, then the recorded UTC time
 * (`北京时间 2026-11-26 09:30:00（UTC 2026-11-26T01:30:00.000Z）`): fixed UTC+8, not the machine's zone.
 */
export function withBeijing(iso: string): string {
  return `北京时间 ${formatBeijing(iso, 'datetime')}（UTC ${iso}）`;
}
