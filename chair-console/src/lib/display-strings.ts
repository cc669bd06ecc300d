import type { Text } from '@hall/shared';

/**
 * The words of the hall display (issue 13), Chinese first; merged into the console's strings
 * (i18n.tsx). The display is public and has no language switch: it shows the Chinese large and
 * the English beside it, smaller.
 */
export const DISPLAY_STRINGS = {
  displayAppTitle: { zh: '常委会满意度测评', en: 'Committee satisfaction evaluation' },
  displayPressNow: { zh: '请按键表决', en: 'Please press your key' },
  displayPressed: { zh: '已按键', en: 'Pressed' },
  displayPresent: { zh: '实到', en: 'Present' },
  displayTimeLeft: { zh: '剩余时间', en: 'Time left' },
  displayVoting: { zh: '测评进行中', en: 'Voting open' },
  displayWaiting: { zh: '请等待主持人公布结果', en: 'Waiting for the result to be announced' },
  displayIdle: { zh: '等待开始', en: 'Waiting' },
  displayItem: { zh: '测评事项', en: 'Item' },
  displayNextItem: { zh: '下一项', en: 'Next item' },
  displayOutcome: { zh: '测评结果', en: 'Result' },
  displayBasis: { zh: '依据', en: 'Rule' },
  displayMembers: { zh: '应到', en: 'Members' },
  displayInvalid: { zh: '无效', en: 'Invalid' },
  displayNotVoted: { zh: '未按', en: 'Not pressed' },
  displayBallots: { zh: '票数分布', en: 'Ballots' },
  displayRecord: { zh: '签名记录', en: 'Sealed record' },
  displayChainHead: { zh: '本会场最新签名记录', en: 'Latest sealed record' },
  displayHash: { zh: '哈希', en: 'hash' },
  // Issue 14: how the ballots are taken, hand counts, series, an abandoned vote.
  displayMethod: { zh: '表决方式', en: 'Voting method' },
  displayMethodKeypads: { zh: '表决器', en: 'Keypads' },
  displayMethodPaper: { zh: '纸质票', en: 'Paper ballots' },
  displayMethodHands: { zh: '举手', en: 'Show of hands' },
  displayHandCounted: { zh: '人工计票', en: 'counted by hand' },
  displayHandCounting: { zh: '人工计票中', en: 'Counting by hand' },
  displayPaperNow: { zh: '请填写纸质票', en: 'Please mark your paper ballot' },
  displayHandsNow: { zh: '请举手表决', en: 'Please vote by show of hands' },
  displayAbandoned: { zh: '本项测评已放弃', en: 'This evaluation was abandoned' },
  displaySeriesItem: { zh: '项', en: 'Item' },
  displayNotVotedByHand: { zh: '未投票', en: 'Did not vote' },
  displayFigures: { zh: '人数', en: 'Figures' },
} satisfies Record<string, Text>;
