import { createContext, useContext, useState, type ReactNode } from 'react';
import type { Lang, Text } from '@hall/shared';

/** The seat terminal's words: Chinese first (zh-CN), English available. */
const STRINGS = {
  title: { zh: '席位终端', en: 'Seat terminal' },
  language: { zh: 'English', en: '中文' },
  pairTitle: { zh: '配对本终端', en: 'Pair this terminal' },
  pairHelp: {
    zh: '请输入技术人员在控制台上显示的配对码',
    en: 'Enter the pairing code the technician shows on the console',
  },
  pairCode: { zh: '配对码', en: 'Pairing code' },
  pair: { zh: '配对', en: 'Pair' },
  paired: { zh: '席位', en: 'Seat' },
  awaitingChair: {
    zh: '已配对，等待主持人确认后方可使用',
    en: 'Paired; waiting for the chair’s confirmation',
  },
  terminalNo: { zh: '终端编号', en: 'Terminal no.' },
  revoked: {
    zh: '本终端的配对已被撤销，请重新配对',
    en: 'This terminal’s pairing was revoked; pair it again',
  },
  disconnected: { zh: '连接已断开，正在重新连接…', en: 'Connection lost, reconnecting…' },
  idle: { zh: '请等待会议开始', en: 'Please wait for the sitting to begin' },
  checkin: { zh: '签到', en: 'Check in' },
  checkinHelp: { zh: '请按下方按钮签到', en: 'Press the button below to check in' },
  checkedIn: { zh: '已签到', en: 'Checked in' },
  observer: {
    zh: '本席位为列席席位，不参加测评',
    en: 'This is an observer seat; it does not vote',
  },
  unassigned: {
    zh: '本席位在名册中未安排人员，不参加测评；如有误请联系工作人员',
    en: 'No one is assigned to this seat in the roster; it does not vote. If this is wrong, ask the secretariat',
  },
  choose: { zh: '请选择一项', en: 'Choose one' },
  confirmTitle: { zh: '请确认您的选择', en: 'Please confirm your choice' },
  confirm: { zh: '确认提交', en: 'Confirm' },
  back: { zh: '返回重选', en: 'Back' },
  sending: { zh: '正在提交…', en: 'Sending…' },
  registered: { zh: '已登记', en: 'Registered' },
  registeredHelp: {
    zh: '您的表决已记录，请等待测评结束',
    en: 'Your ballot is recorded; please wait for the close',
  },
  notAccepted: { zh: '未被接受', en: 'Not accepted' },
  closed: { zh: '测评已结束，请等待公布结果', en: 'Voting closed; waiting for the announcement' },
  // Issue 14: a vote counted by people (no terminal ballot), and an abandoned vote.
  paperVote: {
    zh: '本项测评以纸质票进行，请按工作人员指引投票',
    en: 'This evaluation is by paper ballot; please follow the staff’s instructions',
  },
  handsVote: {
    zh: '本项测评以举手方式表决，请按工作人员指引表决',
    en: 'This evaluation is by a show of hands; please follow the staff’s instructions',
  },
  handCounted: {
    zh: '人工计票，本终端不接受表决',
    en: 'Counted by hand: this terminal takes no ballot',
  },
  abandoned: { zh: '本项测评已放弃', en: 'This evaluation was abandoned' },
  result: { zh: '测评结果', en: 'Result' },
  members: { zh: '应到', en: 'Members' },
  present: { zh: '实到', en: 'Present' },
  invalid: { zh: '无效', en: 'Invalid' },
  notVoted: { zh: '未按', en: 'Did not press' },
  error: { zh: '出错了', en: 'Error' },
} satisfies Record<string, Text>;

export type StringKey = keyof typeof STRINGS;

interface Words {
  lang: Lang;
  t: (key: StringKey) => string;
  pick: (text: Text) => string;
  toggle: () => void;
}

const WordsContext = createContext<Words | null>(null);

export function WordsProvider({
  children,
  lang: initial = 'zh',
}: {
  children: ReactNode;
  lang?: Lang;
}) {
  const [lang, setLang] = useState<Lang>(initial);
  const words: Words = {
    lang,
    t: (key) => STRINGS[key][lang],
    pick: (text) => text[lang],
    toggle: () => setLang((l) => (l === 'zh' ? 'en' : 'zh')),
  };
  return <WordsContext.Provider value={words}>{children}</WordsContext.Provider>;
}

export function useWords(): Words {
  const w = useContext(WordsContext);
  if (!w) throw new Error('useWords outside WordsProvider');
  return w;
}
