/** Text shown to people: Chinese first (zh-CN), English available. */
export interface Text {
  zh: string;
  en: string;
}

export type Lang = keyof Text;

export const LANGS: readonly Lang[] = ['zh', 'en'];
