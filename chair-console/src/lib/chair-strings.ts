import type { Text } from '@hall/shared';

/**
 * The words of the chair's result block and vote progress (issue 13: 宣读稿, the seats not yet
 * pressed, the next evaluation), Chinese first; merged into the console's strings (i18n.tsx).
 * Uses the console's `copied` and `notCheckedIn` as they are.
 */
export const CHAIR_STRINGS = {
  announcementText: { zh: '宣读稿', en: 'Announcement to read out' },
  copyText: { zh: '复制宣读稿', en: 'Copy the text' },
  copyTextFailed: {
    zh: '无法自动复制，请选中文字后手动复制',
    en: 'Could not copy: select the text and copy it by hand',
  },
  notPressedSeats: { zh: '尚未按键的席位', en: 'Seats that have not pressed' },
  notPressedCount: { zh: '尚未按键', en: 'Not yet pressed' },
  notPressedNone: { zh: '全部席位均已按键', en: 'Every seat has pressed' },
  notPressedMore: { zh: '另有 {n} 个席位未列出', en: '{n} more seats not listed' },
  nextEvaluation: { zh: '开始下一项测评', en: 'Open the next evaluation' },
  awaitingAnnouncement: {
    zh: '请先宣读并公布本项结果',
    en: 'Read out and announce this result first',
  },
} satisfies Record<string, Text>;
