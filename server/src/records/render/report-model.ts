import { outcomeLabelOf } from './labels';
import { canonicalHash } from '../canonical';
import { keyFingerprint } from '../keys';
import type { SealedRecord } from '@hall/shared';

/**
 * Everything a printout shows, taken from the sealed record alone: the console, the hall
 * display, the PDF and the CSV all read the same record, so they cannot disagree.
 */
export interface ReportModel {
  heading: string;
  /** For a correction: which record it corrects and why; null for an original record. */
  correction: string | null;
  title: string;
  organ: string | null;
  hall: string;
  sessionId: number;
  voteId: number;
  seq: number;
  profileName: string;
  rows: { label: string; value: number }[];
  outcome: string;
  explanation: string;
  rules: string[];
  followUp: string[];
  times: { label: string; value: string }[];
  hash: string;
  fingerprint: string;
}

export function reportModel(r: SealedRecord): ReportModel {
  return {
    heading: r.corrects ? '满意度测评结果（更正）' : '满意度测评结果',
    correction: r.corrects
      ? `本记录更正第 ${r.corrects.seq} 号记录（哈希 ${r.corrects.hash}）。更正理由：${r.corrects.reason}`
      : null,
    title: r.title,
    organ: r.organ ?? null,
    hall: r.hall,
    sessionId: r.sessionId,
    voteId: r.voteId,
    seq: r.seq,
    profileName: `${r.profile.name.zh}（${r.profile.source.articles.join('、')}）`,
    rows: [
      { label: '应到（全体组成人员）', value: r.members },
      { label: '实到', value: r.present },
      ...r.profile.optionSet.options.map((o) => ({
        label: o.label.zh,
        value: r.counts[o.key] ?? 0,
      })),
      { label: '无效', value: r.invalid },
      { label: '未按', value: r.notVoted },
    ],
    outcome: outcomeLabelOf(r),
    explanation: r.explanation?.zh ?? '',
    rules: r.profile.ladder.map((rung) => `${rung.rule.zh}（${rung.cite}）`),
    followUp: r.followUp.map((f) => `${f.label.zh}（${f.cite}）`),
    times: [
      { label: '开始', value: withBeijing(r.openedAt) },
      { label: '结束', value: withBeijing(r.closedAt) },
      { label: '公布', value: withBeijing(r.announcedAt) },
    ],
    hash: canonicalHash(r),
    fingerprint: keyFingerprint(r.signature.publicKey),
  };
}

const BEIJING = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** The recorded UTC time, and the same moment in Beijing time for the reader. */
export function withBeijing(iso: string): string {
  return `${iso}（北京时间 ${BEIJING.format(new Date(iso))}）`;
}
