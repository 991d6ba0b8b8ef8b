import type { Locale } from '@shared/locales';

/** A language's UI text, nested by '.' as i18next reads it. */
export type CatalogText = Record<string, unknown>;

/**
 * Each language's catalog is a chunk of its own, fetched when that language is used: the three
 * together were a quarter of the script the Lab page loaded before it could draw. Still bundled
 * with the app, so no language ever needs the network beyond the app's own server.
 */
const loaders: Record<Locale, () => Promise<{ default: CatalogText }>> = {
  en: () => import('./locales/en.json'),
  'zh-CN': () => import('./locales/zh-CN.json'),
  ko: () => import('./locales/ko.json'),
};

const loading = new Map<Locale, Promise<CatalogText>>();

/** The catalog, fetched once per page; a failed fetch may be tried again. */
export function loadCatalog(locale: Locale): Promise<CatalogText> {
  let catalog = loading.get(locale);
  if (!catalog) {
    catalog = loaders[locale]().then((module) => module.default);
    catalog.catch(() => loading.delete(locale));
    loading.set(locale, catalog);
  }
  return catalog;
}
