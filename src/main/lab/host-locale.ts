import type { Locale } from '@shared/locales';

/**
 * The host's preferred UI language from the POSIX locale variables (LC_ALL > LC_MESSAGES > LANG),
 * e.g. "zh_CN.UTF-8" → zh-CN, "ko_KR.UTF-8" → ko. Other Chinese locales get Simplified Chinese,
 * the only Chinese catalog; anything else gets English.
 */
export function hostLocale(env: Record<string, string | undefined>): Locale {
  const value = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  const language = value.split(/[_.@-]/)[0]?.toLowerCase();
  if (language === 'zh') return 'zh-CN';
  if (language === 'ko') return 'ko';
  return 'en';
}
