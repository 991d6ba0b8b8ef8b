import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { locales, type Locale } from '@shared/locales';
import en from './locales/en.json';
import ko from './locales/ko.json';
import zhCN from './locales/zh-CN.json';
import { isLocale } from './locale-preference';

export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
  ko: { translation: ko },
} satisfies Record<Locale, { translation: object }>;

/** Starts i18next with every catalog bundled: the app works offline and never waits on a fetch. */
export async function initI18n(language: Locale): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...locales],
    // 'zh-CN' must not also try to load a bare 'zh' catalog.
    load: 'currentOnly',
    // React escapes text itself; escaping here would show &quot; in the UI.
    interpolation: { escapeValue: false },
  });
  syncDocumentLanguage(language);
  i18n.on('languageChanged', syncDocumentLanguage);
}

/** `lang` drives the CJK font choice (see global.css) and screen-reader pronunciation. */
function syncDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}

/** The UI language as one of ours (i18next may report a fallback or 'cimode'). */
export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

export { i18n };
