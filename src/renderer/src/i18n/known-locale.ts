import type { Locale } from '@shared/locales';
import { isLocale, savedLocale } from './locale-preference';

/** The host's language as main wrote it into the page (static-files.ts), if it did. */
function pageHostLocale(): Locale | undefined {
  const value = document.querySelector<HTMLMetaElement>('meta[name="twinlab-host-locale"]')?.content;
  return isLocale(value) ? value : undefined;
}

/**
 * The language to start in when the page alone can tell: the user's saved choice, else the host's
 * as main wrote it. Undefined under the dev server without a saved choice.
 */
export function knownStartupLocale(): Locale | undefined {
  return savedLocale() ?? pageHostLocale();
}
