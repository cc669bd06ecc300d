import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Lang, Text } from '@hall/shared';
import { DISPLAY_STRINGS } from './display-strings';
import { EXPORT_STRINGS } from './export-strings';
import { SECRETARIAT_STRINGS } from './secretariat-strings';
import { USER_STRINGS } from './user-strings';
import { ROSTER_STRINGS } from './roster-strings';
import { CHAIR_STRINGS } from './chair-strings';
import { TECHNICIAN_STRINGS } from './technician-strings';
import { SERIES_STRINGS } from './series-strings';
import { HAND_COUNT_STRINGS } from './hand-count-strings';
import { PROFILE_STRINGS } from './profile-strings';

/** Every string a person reads: Chinese first (zh-CN), English available. */
const STRINGS = {
  appTitle: { zh: '常委会满意度测评', en: 'Committee satisfaction evaluation' },
  language: { zh: 'English', en: '中文' },
  login: { zh: '登录', en: 'Log in' },
  logout: { zh: '退出', en: 'Log out' },
  username: { zh: '用户名', en: 'User name' },
  password: { zh: '密码', en: 'Password' },
  loginFailed: { zh: '登录失败', en: 'Login failed' },
  mustChangePassword: {
    zh: '首次登录：请先修改初始密码',
    en: 'First login: change the initial password first',
  },
  newPassword: { zh: '新密码（至少 10 个字符）', en: 'New password (at least 10 characters)' },
  repeatPassword: { zh: '再次输入新密码', en: 'Repeat the new password' },
  changePassword: { zh: '修改密码', en: 'Change password' },
  passwordTooShort: {
    zh: '新密码至少 10 个字符',
    en: 'The new password needs at least 10 characters',
  },
  passwordsDiffer: { zh: '两次输入的新密码不一致', en: 'The two new passwords differ' },
  passwordSame: {
    zh: '新密码不能与原密码相同',
    en: 'The new password must differ from the old one',
  },
  changeFailed: { zh: '修改密码失败', en: 'Could not change the password' },
  chair: { zh: '主持人', en: 'Presiding officer' },
  secretariat: { zh: '工作机构', en: 'Secretariat' },
  technician: { zh: '技术人员', en: 'Technician' },
  disconnected: {
    zh: '与会场服务器的连接已断开，正在重新连接…',
    en: 'Connection to the hall server lost, reconnecting…',
  },
  members: { zh: '应到', en: 'Members' },
  present: { zh: '实到', en: 'Present' },
  observers: { zh: '列席', en: 'Observers' },
  quorumMet: { zh: '已达法定人数', en: 'Quorum met' },
  quorumNotMet: { zh: '未达法定人数', en: 'No quorum' },
  checkin: { zh: '签到', en: 'Check-in' },
  checkinOpen: { zh: '开始签到', en: 'Open check-in' },
  checkinClose: { zh: '结束签到', en: 'Close check-in' },
  checkinRunning: { zh: '签到进行中', en: 'Check-in open' },
  seats: { zh: '席位', en: 'Seats' },
  seatsOnline: { zh: '在线席位', en: 'Seats online' },
  seatOnline: { zh: '在线', en: 'online' },
  seatOffline: { zh: '离线', en: 'offline' },
  seatCheckedIn: { zh: '已签到', en: 'checked in' },
  buses: { zh: '总线', en: 'Buses' },
  busUp: { zh: '正常', en: 'up' },
  busDown: { zh: '故障', en: 'down' },
  agenda: { zh: '议程', en: 'Agenda' },
  noSession: { zh: '尚未开始会议', en: 'No sitting started' },
  openVote: { zh: '开始测评', en: 'Open evaluation' },
  closeVote: { zh: '结束测评', en: 'Close evaluation' },
  announce: { zh: '当场公布', en: 'Announce' },
  item: { zh: '测评事项', en: 'Item' },
  title: { zh: '标题', en: 'Title' },
  organ: { zh: '报告机关', en: 'Reporting organ' },
  profile: { zh: '测评办法', en: 'Rule profile' },
  timer: { zh: '自动结束（秒，可不填）', en: 'Close after (seconds, optional)' },
  pressed: { zh: '已按键', en: 'Pressed' },
  remaining: { zh: '剩余时间', en: 'Time left' },
  stateOpen: { zh: '测评进行中', en: 'Voting open' },
  stateClosed: { zh: '测评已结束，待公布', en: 'Closed, not yet announced' },
  stateAnnounced: { zh: '已公布', en: 'Announced' },
  stateIdle: { zh: '等待开始', en: 'Waiting' },
  satisfied: { zh: '满意', en: 'Satisfied' },
  basicallySatisfied: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
  invalid: { zh: '无效', en: 'Invalid' },
  notVoted: { zh: '未按', en: 'Did not press' },
  outcome: { zh: '测评结果', en: 'Result' },
  explanation: { zh: '依据', en: 'How the rule decided' },
  followUp: { zh: '后续', en: 'Follow-up' },
  result: { zh: '结果', en: 'Result' },
  roster: { zh: '人员名单', en: 'Roster' },
  rosterImport: { zh: '导入名单（CSV）', en: 'Import roster (CSV)' },
  rosterImported: { zh: '名单已导入', en: 'Roster imported' },
  sessionStart: { zh: '开始会议', en: 'Start sitting' },
  addItem: { zh: '添加议程', en: 'Add item' },
  evaluations: { zh: '测评记录', en: 'Evaluations' },
  none: { zh: '暂无', en: 'None yet' },
  markPresent: { zh: '手工签到', en: 'Mark present' },
  waitingAnnouncement: { zh: '请等待主持人公布结果', en: 'Waiting for the result to be announced' },
  barChart: { zh: '票数分布', en: 'Ballots' },
  history: { zh: '历史记录', en: 'History' },
  followUpPage: { zh: '跟踪督办', en: 'Follow-up' },
  year: { zh: '年度', en: 'Year' },
  allYears: { zh: '全部年度', en: 'All years' },
  allProfiles: { zh: '全部办法', en: 'All profiles' },
  satisfiedShare: { zh: '满意率（占有效票）', en: 'Satisfied (of valid ballots)' },
  historyTable: { zh: '各报告机关历次测评', en: 'Evaluations by organ and sitting' },
  historyChart: { zh: '满意率走势', en: 'Satisfied share over time' },
  sitting: { zh: '会议', en: 'Sitting' },
  corrected: { zh: '（已更正）', en: ' (corrected)' },
  correctionRecord: { zh: '更正记录', en: 'Correction' },
  sealedRecord: { zh: '签名记录', en: 'Sealed record' },
  chainHead: { zh: '本会场最新签名记录', en: 'Latest sealed record of the hall' },
  hash: { zh: '哈希', en: 'hash' },
  corrections: {
    zh: '更正提议（工作机构提议，主持人确认）',
    en: 'Correction proposals (secretariat proposes, chair confirms)',
  },
  noPendingCorrections: { zh: '没有待确认的更正提议', en: 'No correction is waiting' },
  proposedBy: { zh: '提议人', en: 'Proposed by' },
  correctsRecord: { zh: '更正记录', en: 'Corrects record' },
  outcomeChange: { zh: '结果变化', en: 'Outcome change' },
  reason: { zh: '理由', en: 'Reason' },
  confirmCorrection: { zh: '确认并签名', en: 'Confirm and seal' },
  rejectCorrection: { zh: '驳回', en: 'Reject' },
  correctionConfirmed: { zh: '更正已确认，新记录已签名', en: 'Correction confirmed and sealed' },
  correctionRejected: { zh: '更正提议已驳回', en: 'Correction rejected' },
  shareIsDisplayOnly: {
    zh: '百分比仅供参考，测评结果以各办法规定的票数标准为准。',
    en: 'Percentages are for display; outcomes follow each profile’s ballot thresholds.',
  },
  passed: { zh: '通过', en: 'Passed' },
  notPassed: { zh: '未通过', en: 'Not passed' },
  due: { zh: '期限', en: 'Due' },
  dueNextSession: { zh: '下次常委会会议', en: 'Next session' },
  dueByCouncil: { zh: '主任会议规定的时限', en: 'As the council sets' },
  state: { zh: '状态', en: 'State' },
  stateOpenItem: { zh: '待办', en: 'Open' },
  stateOverdue: { zh: '已逾期', en: 'Overdue' },
  stateFulfilled: { zh: '已再次测评', en: 'Re-evaluated' },
  stateEscalated: { zh: '再次未通过，须追究', en: 'Failed again: escalate' },
  stateDone: { zh: '已办结', en: 'Done' },
  markDone: { zh: '标记办结', en: 'Mark done' },
  reevaluatedBy: { zh: '再次测评记录', en: 'Re-evaluated in record' },
  downloadPdf: { zh: '打印版（PDF）', en: 'Printable (PDF)' },
  downloadCsv: { zh: '全部结果（CSV）', en: 'All results (CSV)' },
  keyFingerprint: { zh: '签名密钥指纹', en: 'Signing key fingerprint' },
  record: { zh: '记录', en: 'Record' },
  terminals: { zh: '席位终端', en: 'Seat terminals' },
  seat: { zh: '席位', en: 'Seat' },
  makePairingCode: { zh: '生成配对码', en: 'Make pairing code' },
  pairingCode: { zh: '配对码', en: 'Pairing code' },
  validUntil: { zh: '有效至', en: 'Valid until' },
  pairedAt: { zh: '配对时间', en: 'Paired at' },
  revoke: { zh: '撤销', en: 'Revoke' },
  revoked: { zh: '已撤销', en: 'Revoked' },
  terminalPending: { zh: '待主持人确认', en: 'Waiting for the chair' },
  terminalConfirmed: { zh: '已确认', en: 'Confirmed' },
  terminalEnded: { zh: '已停用', en: 'Ended' },
  endRevoked: { zh: '技术人员撤销', en: 'revoked' },
  endRejected: { zh: '主持人拒绝', en: 'rejected by the chair' },
  endReplaced: { zh: '被同席位新终端替换', en: 'replaced by a newer terminal' },
  endSittingEnded: { zh: '会议已结束', en: 'its sitting ended' },
  endSeatChanged: { zh: '席位人员已变更', en: 'the seat changed hands' },
  terminalConfirmations: { zh: '席位终端确认', en: 'Seat terminal confirmation' },
  terminalConfirmHelp: {
    zh: '技术人员配对的终端须经主持人确认方可使用；仅能为已签到的组成人员确认，测评进行中不能确认',
    en: 'A terminal the technician paired works only once the chair confirms it; only for a member who is present, never while a vote is open',
  },
  noPendingTerminals: { zh: '没有待确认的终端', en: 'No terminal is waiting' },
  terminalNo: { zh: '终端', en: 'Terminal' },
  confirmTerminal: { zh: '确认', en: 'Confirm' },
  rejectTerminal: { zh: '拒绝', en: 'Reject' },
  notCheckedIn: { zh: '未签到', en: 'not checked in' },
  terminalSeats: { zh: '以终端表决的席位', en: 'Seats voting by terminal' },
  noTerminalSeats: { zh: '无', en: 'None' },
  seatTerminal: { zh: '终端', en: 'terminal' },
  ...USER_STRINGS,
  ...ROSTER_STRINGS,
  ...CHAIR_STRINGS,
  ...SECRETARIAT_STRINGS,
  ...DISPLAY_STRINGS,
  ...EXPORT_STRINGS,
  ...TECHNICIAN_STRINGS,
  ...SERIES_STRINGS,
  ...HAND_COUNT_STRINGS,
  ...PROFILE_STRINGS,
} satisfies Record<string, Text>;

export type StringKey = keyof typeof STRINGS;

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: StringKey) => string;
  pick: (text: Text) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('hall.lang') : null;
  return saved === 'en' ? 'en' : 'zh';
}

export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(fixed ?? initialLang());
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang: (l) => {
        localStorage.setItem('hall.lang', l);
        document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
        setLangState(l);
      },
      t: (key) => STRINGS[key][lang],
      pick: (text) => text[lang],
    }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export function LanguageToggle() {
  const { lang, setLang, t } = useI18n();
  return (
    <button type="button" className="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
      {t('language')}
    </button>
  );
}
