import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { locales, type Locale } from '@shared/locales';
import { loadCatalog } from './catalogs';
import { isLocale } from './locale-preference';

/**
 * Starts i18next with the one catalog it needs. Every catalog has every English key (a unit test
 * holds them to it), so the others are fetched only when the user switches to them.
 */
export async function initI18n(language: Locale): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: { [language]: { translation: await loadCatalog(language) } },
    partialBundledLanguages: true,
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

let lastAsked: Locale | undefined;

/**
 * Fetches the language's catalog if the page has not yet, then switches the UI to it. Of quick
 * successive choices the last one wins, whichever catalog arrives first.
 */
export async function switchLanguage(language: Locale): Promise<void> {
  lastAsked = language;
  if (!i18n.hasResourceBundle(language, 'translation')) {
    const catalog = await loadCatalog(language);
    if (!i18n.hasResourceBundle(language, 'translation'))
      i18n.addResourceBundle(language, 'translation', catalog);
  }
  if (lastAsked === language) await i18n.changeLanguage(language);
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
