import type { Text } from '@hall/shared';

/**
 * The words of the secretariat's tools (issue 13): manual attendance with a reason, correction
 * proposals and their confirmation by a chair, re-report scheduling. Chinese first; merged into
 * the console's strings (i18n.tsx).
 */
export const SECRETARIAT_STRINGS = {
  manualAttendance: { zh: '人工签到', en: 'Manual attendance' },
  manualMember: { zh: '人员', en: 'Member' },
  chooseMember: { zh: '请选择人员', en: 'Choose a member' },
  markAs: { zh: '标记为', en: 'Mark as' },
  asPresent: { zh: '出席', en: 'Present' },
  asAbsent: { zh: '缺席', en: 'Absent' },
  markReason: { zh: '理由（必填）', en: 'Reason (required)' },
  markReasonHint: {
    zh: '例如：忘带代表证、按键器故障、请假',
    en: 'e.g. card forgotten, keypad broken, leave',
  },
  markReview: { zh: '核对后确认', en: 'Review' },
  markConfirmQuestion: { zh: '请确认人工标记', en: 'Please confirm the manual mark' },
  markConfirm: { zh: '确认标记', en: 'Confirm mark' },
  manualMarkDone: { zh: '已人工标记', en: 'Marked by hand' },
  manualMarks: { zh: '本次会议的人工标记', en: 'Manual marks of this sitting' },
  noManualMarks: { zh: '尚无人工标记', en: 'No manual mark yet' },
  markedBy: { zh: '标记人', en: 'Marked by' },
  markedAt: { zh: '时间', en: 'Time' },
  proposeCorrection: { zh: '提议更正', en: 'Propose a correction' },
  correctionFormTitle: { zh: '更正第 {seq} 号记录', en: 'Correct record {seq}' },
  correctionFixed: {
    zh: '应到与实到为会场记录的事实，不能更改',
    en: 'Members and present are the facts the hall recorded and cannot be changed',
  },
  correctionReason: { zh: '更正理由（必填）', en: 'Reason for the correction (required)' },
  submitCorrection: { zh: '提交更正提议', en: 'Submit the proposal' },
  correctionPending: { zh: '待主持人确认', en: 'Waiting for a chair to confirm' },
  correctionProposed: {
    zh: '更正提议 {id} 已提交，结果将为“{outcome}”，待主持人确认',
    en: 'Correction proposal {id} submitted, outcome would be "{outcome}"; waiting for a chair',
  },
  pendingCorrections: { zh: '待确认的更正提议', en: 'Corrections waiting for you' },
  proposedAt: { zh: '提议时间', en: 'Proposed at' },
  rejectReason: { zh: '驳回理由（可选）', en: 'Reason for rejecting (optional)' },
  correctionCountsNow: { zh: '更正后', en: 'Proposed' },
  correctionCountsWas: { zh: '原记录', en: 'Recorded' },
  scheduleRereport: { zh: '安排重作报告', en: 'Schedule the re-report' },
  rereportTitle: { zh: '议程标题', en: 'Agenda title' },
  rereportSubmit: { zh: '列入本次会议议程', en: "Put on this sitting's agenda" },
  rereportDone: {
    zh: '已列入第 {session} 次会议议程（议题 {item}）',
    en: 'On the agenda of sitting {session} (item {item})',
  },
  rereportHint: {
    zh: '重作报告应在以后的会议上进行，并在测评时选择该议题',
    en: 'The re-made report belongs to a later sitting; open its vote on this item',
  },
  actions: { zh: '操作', en: 'Actions' },
  refresh: { zh: '刷新', en: 'Refresh' },
} satisfies Record<string, Text>;

/** Fill `{name}` placeholders of a string. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
