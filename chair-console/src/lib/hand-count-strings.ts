import type { Text, VoteMethod } from '@hall/shared';

/**
 * The words of issue 14's ballots taken by hand (议事规则: a show of hands or paper ballots when
 * the equipment fails), of abandoning a failed keypad vote and retaking it, and of the method
 * choice; Chinese first, merged into the console's strings (i18n.tsx).
 */
export const HAND_COUNT_STRINGS = {
  method: { zh: '计票方式', en: 'How ballots are taken' },
  methodShown: { zh: '方式', en: 'Method' },
  methodKeypads: { zh: '表决器', en: 'Keypads' },
  methodPaper: { zh: '纸质票', en: 'Paper ballots' },
  methodHands: { zh: '举手', en: 'Show of hands' },
  handCounts: { zh: '人工计票', en: 'Counted by hand' },
  progressByHand: {
    zh: '人工计票：不使用表决器，票数由工作人员录入',
    en: 'Counted by hand: the keypads are not used; the secretariat enters the counts',
  },
  progressAbandoned: {
    zh: '本项测评已放弃，未计票',
    en: 'This evaluation was abandoned and never counted',
  },
  stateAbandoned: { zh: '已放弃', en: 'Abandoned' },
  handCountsHelp: {
    zh: '由工作机构录入各选项票数，主持人（另一登录用户）确认后方可结束测评',
    en: 'The secretariat enters the counts; the chair (another login) confirms them before close',
  },
  handCountsInvalid: { zh: '无效票', en: 'Invalid' },
  handCountsTotal: { zh: '合计 {total} / 实到 {present}', en: 'Total {total} / present {present}' },
  handCountsTooMany: {
    zh: '票数合计 {total} 超过实到人数 {present}',
    en: 'The counts add up to {total}, more than the {present} present',
  },
  handCountsEnter: { zh: '录入票数', en: 'Enter the counts' },
  handCountsEntered: {
    zh: '票数已录入，待主持人确认',
    en: 'Counts entered, waiting for the chair',
  },
  handCountsNone: { zh: '尚未录入票数', en: 'No counts entered yet' },
  handCountsEnteredBy: { zh: '录入人', en: 'Entered by' },
  handCountsConfirmedBy: { zh: '确认人', en: 'Confirmed by' },
  handCountsConfirm: { zh: '确认', en: 'Confirm' },
  handCountsConfirmed: {
    zh: '票数已确认，可以结束测评',
    en: 'Counts confirmed: the vote can close',
  },
  handCountsSameLogin: {
    zh: '须由录入人以外的另一登录用户确认',
    en: 'Another login than the one who entered them must confirm',
  },
  handCountsWaitConfirm: {
    zh: '票数确认后方可结束测评',
    en: 'The vote closes once the counts are confirmed',
  },
  handCountsProfile: { zh: '本项测评办法', en: 'This vote’s profile' },
  abandonVote: { zh: '放弃本项测评', en: 'Abandon this evaluation' },
  abandonTitle: { zh: '放弃本项测评', en: 'Abandon this evaluation' },
  abandonHelp: {
    zh: '本项测评将记录为已放弃（不计票），并记录理由；随后可改为人工计票重新测评。',
    en: 'The vote is recorded as abandoned (never counted) with the reason; it can then be retaken by hand.',
  },
  abandonReason: { zh: '放弃理由（必填）', en: 'Reason (required)' },
  abandonReasonHint: {
    zh: '例如：表决器故障，部分席位无法按键',
    en: 'e.g. the keypads failed, some seats cannot press',
  },
  abandonConfirm: { zh: '确认放弃', en: 'Abandon' },
  abandoned: { zh: '本项测评已放弃', en: 'This evaluation was abandoned' },
  retake: { zh: '改为人工计票重新测评', en: 'Retake by hand' },
  retakesNote: {
    zh: '重新测评：第 {voteId} 项因“{reason}”放弃',
    en: 'Retake: evaluation {voteId} was abandoned ({reason})',
  },
  profileHall: { zh: '（本会场）', en: ' (this hall)' },
} satisfies Record<string, Text>;

/** The string key naming a method (absent: keypads, the records sealed before issue 14). */
export function methodKey(method: VoteMethod | undefined | null) {
  if (method === 'paper') return 'methodPaper' as const;
  if (method === 'hands') return 'methodHands' as const;
  return 'methodKeypads' as const;
}

/** `{name}` placeholders filled in. */
export function fillIn(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
