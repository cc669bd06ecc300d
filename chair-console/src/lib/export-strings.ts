import type { Text } from '@hall/shared';

/** The words of the exports (issue 13 "Exports"), Chinese first; merged into i18n.tsx. */
export const EXPORT_STRINGS = {
  downloadXlsx: { zh: '全部结果（Excel）', en: 'All results (Excel)' },
} satisfies Record<string, Text>;
