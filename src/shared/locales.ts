export const locales = ['en', 'zh-CN', 'ko'] as const;
export type Locale = (typeof locales)[number];
