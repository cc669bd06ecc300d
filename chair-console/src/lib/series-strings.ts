import type { Text } from '@hall/shared';

/**
 * The words of issue 14's series: many subjects in a row (群众评议: a branch, then each of its
 * members) and the departments of one report (安徽 第十四条), and of an evaluation meeting's
 * invited evaluators; Chinese first, merged into the console's strings (i18n.tsx).
 */
export const SERIES_STRINGS = {
  seriesPage: { zh: '连续测评', en: 'Series' },
  seriesCreate: { zh: '新建连续测评', en: 'New series' },
  seriesTitle: { zh: '名称', en: 'Title' },
  seriesKind: { zh: '类型', en: 'Kind' },
  seriesKindSubjects: { zh: '多个对象连续测评', en: 'Many subjects in a row' },
  seriesKindDepartments: { zh: '分部门测评', en: 'Departments of one report' },
  seriesItem: { zh: '议程事项（报告）', en: 'Agenda item (the report)' },
  seriesAutoAdvance: {
    zh: '结束后自动公布并开始下一项',
    en: 'Announce each and open the next by itself',
  },
  seriesDuration: { zh: '每项自动结束（秒，可不填）', en: 'Each closes after (seconds, optional)' },
  seriesSubjects: { zh: '测评对象（每行一个）', en: 'Subjects (one per line)' },
  seriesSubjectsHint: {
    zh: '例如：第一党支部\n张三\n李四',
    en: 'e.g. First party branch\nZhang San\nLi Si',
  },
  seriesProfileAll: { zh: '测评办法（全部对象）', en: 'Profile (every subject)' },
  seriesProfileEach: { zh: '逐项选择测评办法', en: 'Choose a profile per subject' },
  seriesSubjectCount: { zh: '共 {n} 项', en: '{n} subjects' },
  seriesCreated: { zh: '已创建连续测评：{title}', en: 'Series created: {title}' },
  seriesNone: { zh: '尚无连续测评', en: 'No series yet' },
  seriesList: { zh: '本次会议的连续测评', en: 'Series of this sitting' },
  seriesSubject: { zh: '测评对象', en: 'Subject' },
  seriesIndex: { zh: '序号', en: 'No.' },
  seriesNext: { zh: '下一项', en: 'Next' },
  seriesDone: { zh: '全部对象已测评', en: 'Every subject has been evaluated' },
  seriesPosition: { zh: '第 {index} / {count} 项：{subject}', en: '{index} of {count}: {subject}' },
  seriesSummary: { zh: '汇总', en: 'Summary' },
  seriesSummaryTitle: { zh: '测评结果汇总', en: 'Summary of the results' },
  seriesPrint: { zh: '打印', en: 'Print' },
  seriesBack: { zh: '返回', en: 'Back' },
  seriesRates: { zh: '各测评办法的结果比率', en: 'Rates of each outcome, by profile' },
  seriesDecided: { zh: '已公布 {n} 项', en: '{n} announced' },
  seriesVersion: { zh: '第 {n} 版', en: 'version {n}' },
  seriesReturned: { zh: '收回', en: 'Returned' },
  seriesShares: { zh: '各选项（占收回票）', en: 'Options (of ballots returned)' },
  seriesShareNote: {
    zh: '比率按准确票数计算，百分比仅为显示时四舍五入。',
    en: 'Rates are decided from exact counts; percentages are rounded for display only.',
  },
  subjectPending: { zh: '待测评', en: 'Pending' },
  subjectOpen: { zh: '测评中', en: 'Open' },
  subjectClosed: { zh: '已结束，待公布', en: 'Closed' },
  subjectAnnounced: { zh: '已公布', en: 'Announced' },
  subjectAbandoned: { zh: '已放弃', en: 'Abandoned' },
  sessionKind: { zh: '会议类型', en: 'Kind of meeting' },
  sessionKindCommittee: { zh: '常委会会议', en: 'Committee sitting' },
  sessionKindEvaluation: { zh: '评议会议', en: 'Evaluation meeting' },
  evaluators: { zh: '评议人员', en: 'Invited evaluators' },
  evaluatorsImport: {
    zh: '导入评议人员名单（evaluator_id,name,group,seat）',
    en: 'Import the evaluators (evaluator_id,name,group,seat)',
  },
  evaluatorsImported: {
    zh: '评议人员已导入：共 {n} 人',
    en: 'Evaluators imported: {n}',
  },
  evaluatorsNotImported: { zh: '未导入', en: 'Not imported' },
  evaluatorsNone: { zh: '尚未导入评议人员', en: 'No evaluator imported yet' },
  evaluatorsGroupCount: { zh: '{group}：{n} 人', en: '{group}: {n}' },
  evaluatorId: { zh: '编号', en: 'Id' },
  evaluatorName: { zh: '姓名', en: 'Name' },
} satisfies Record<string, Text>;
