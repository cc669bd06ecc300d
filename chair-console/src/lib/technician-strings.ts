import type { Text } from '@hall/shared';

/**
 * The words of the technician's line table (issue 13 "Technician"), Chinese first; merged into
 * the console's strings (i18n.tsx).
 */
export const TECHNICIAN_STRINGS = {
  hwTable: { zh: '各线路通信计数', en: 'Counters of each line' },
  hwTableNote: {
    zh: '自服务器启动起累计，实时刷新',
    en: 'Counted since the server started, refreshed live',
  },
  hwLine: { zh: '线路', en: 'Line' },
  hwKind: { zh: '类型', en: 'Kind' },
  hwState: { zh: '状态', en: 'State' },
  hwOnline: { zh: '在线席位', en: 'Seats online' },
  hwFrames: { zh: '帧数', en: 'Frames' },
  hwChecksumErrors: { zh: '校验错误', en: 'Checksum errors' },
  hwTimeouts: { zh: '超时', en: 'Timeouts' },
  hwDiscardedBytes: { zh: '丢弃字节', en: 'Discarded bytes' },
  hwReconnects: { zh: '重连', en: 'Reconnects' },
  hwResets: { zh: '复位', en: 'Resets' },
  hwSilentSeats: { zh: '无响应席位', en: 'Silent seats' },
  hwResetSeats: { zh: '复位过的席位', en: 'Seats reset' },
  hwNone: { zh: '无', en: 'none' },
  hwKindModbus: { zh: '有线（Modbus RTU）', en: 'Wired (Modbus RTU)' },
  hwKindWireless: { zh: '无线基站', en: 'Wireless base' },
  storageFault: {
    zh: '数据存储写入失败，按键暂未确认。',
    en: 'The hall cannot store data: presses are not acknowledged.',
  },
  storageFaultHelp: {
    zh: '请立即通知技术人员检查服务器磁盘；恢复后各席位会自动重新送达按键，已确认的按键不会丢失。',
    en: 'Have the technician check the server’s disk now; once it is fixed the seats deliver their presses again by themselves, and no acknowledged press is lost.',
  },
  storageFaultSince: { zh: '起始', en: 'since' },
  storageFaultRefused: { zh: '未确认按键', en: 'presses not acknowledged' },
} satisfies Record<string, Text>;
