import { locales, type Locale } from '@shared/locales';

const storageKey = 'twinlab.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The language the user picked in the header, if any; storage can be unavailable or hold junk. */
export function savedLocale(): Locale | undefined {
  try {
    const value = localStorage.getItem(storageKey);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Private mode or full storage: the choice still applies to this session.
  }
}

/** Saved choice first, then the host's locale, then English. */
export function pickInitialLocale(saved: Locale | undefined, hostLocale: Locale | undefined): Locale {
  return saved ?? hostLocale ?? 'en';
}
