import { readFileSync } from 'node:fs';
import { createInstance, type i18n } from 'i18next';
import type { Locale } from '../../src/shared/locales';

/** The renderer's i18n catalogs as the app ships them: nested by '.'. */
export interface Catalog {
  [segment: string]: string | Catalog;
}

export function rendererCatalog(locale: Locale): Catalog {
  const file = new URL(`../../src/renderer/src/i18n/locales/${locale}.json`, import.meta.url);
  return JSON.parse(readFileSync(file, 'utf8')) as Catalog;
}

/** Dotted key → text. */
export function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

/** The inverse of flatten; a key that is also the prefix of another key cannot nest and throws. */
export function nest(flat: Record<string, string>): Catalog {
  const root: Catalog = {};
  for (const [key, text] of Object.entries(flat)) {
    const segments = key.split('.');
    const last = segments.pop() ?? key;
    let node = root;
    for (const segment of segments) {
      const child = (node[segment] ??= {});
      if (typeof child === 'string') throw new Error(`${key} nests under the text key ${segment}`);
      node = child;
    }
    if (node[last] !== undefined) throw new Error(`${key} collides with another key`);
    node[last] = text;
  }
  return root;
}

/** i18next configured like the renderer's: nested catalog, default separators, no HTML escaping. */
export async function translatorFor(catalog: Catalog): Promise<i18n> {
  const instance = createInstance();
  await instance.init({
    lng: 'en',
    resources: { en: { translation: catalog } },
    interpolation: { escapeValue: false },
  });
  return instance;
}
