import type { Text } from '@hall/shared';

/**
 * The words of the secretariat's 名单 page (issue 13: roster view and import), Chinese first;
 * merged into the console's strings (i18n.tsx).
 */
export const ROSTER_STRINGS = {
  rosterPage: { zh: '名单', en: 'Roster' },
  rosterPageList: { zh: '人员名单', en: 'The roster' },
  rosterPageMemberId: { zh: '代表编号', en: 'Member id' },
  rosterPageName: { zh: '姓名', en: 'Name' },
  rosterPageRole: { zh: '身份', en: 'Role' },
  rosterPageSeat: { zh: '座位', en: 'Seat' },
  rosterPageMember: { zh: '组成人员', en: 'Member' },
  rosterPageObserver: { zh: '列席', en: 'Observer' },
  rosterPageNoSeat: { zh: '未分配', en: 'none' },
  rosterPageCounts: {
    zh: '组成人员 {members} 人，列席 {observers} 人，未分配座位 {unseated} 人',
    en: '{members} members, {observers} observers, {unseated} without a seat',
  },
  rosterPageEmpty: {
    zh: '名单为空：请导入名单文件',
    en: 'The roster is empty: import a roster file',
  },
  rosterPageImport: { zh: '导入名单文件（CSV 或 XLSX）', en: 'Import a roster file (CSV or XLSX)' },
  rosterPageChooseFile: { zh: '选择名单文件', en: 'Choose a roster file' },
  rosterPageImportHelp: {
    zh: '表头：代表编号,姓名,身份,座位（或 member_id,name,role,seat）；身份：组成人员 / 列席；CSV 可为 UTF-8 或 GBK（Excel “CSV (逗号分隔)”）。导入将替换整份名单；文件有误时名单不变。',
    en: 'Header: member_id,name,role,seat (or 代表编号,姓名,身份,座位); role: member / observer; a CSV may be UTF-8 or GBK (Excel "CSV (Comma delimited)"). An import replaces the whole roster; a file with an error changes nothing.',
  },
  rosterPageImporting: { zh: '正在导入…', en: 'Importing…' },
  rosterPageImported: {
    zh: '名单已导入：组成人员 {members} 人，列席 {observers} 人',
    en: 'Roster imported: {members} members, {observers} observers',
  },
  rosterPageNotImported: {
    zh: '名单未导入，原名单不变',
    en: 'Not imported; the roster is unchanged',
  },
} satisfies Record<string, Text>;

/** `{name}` placeholders filled in. */
export const fillRoster = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
