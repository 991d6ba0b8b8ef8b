import type { AppInfo } from '@shared/api';
import type { Locale } from '@shared/locales';
import { i18n } from './index';
import { isLocale, pickInitialLocale, savedLocale } from './locale-preference';

/** How long the first paint may wait for the host's locale before it starts in English. */
const hostLocaleWaitMs = 800;

/**
 * The language to start in. Without a saved choice it waits briefly for `app.info`, so an
 * Electron window (answer within milliseconds) opens straight in the host's language; a browser
 * tab whose server is not up yet starts in English and switches when the answer comes.
 */
export async function resolveStartupLocale(appInfo: Promise<AppInfo | undefined>): Promise<Locale> {
  const saved = savedLocale();
  if (saved) return saved;
  const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, hostLocaleWaitMs));
  const info = await Promise.race([appInfo, timeout]);
  if (!info) void appInfo.then(followLateHostLocale);
  return pickInitialLocale(undefined, isLocale(info?.hostLocale) ? info.hostLocale : undefined);
}

function followLateHostLocale(info: AppInfo | undefined): void {
  // The user may have picked a language in the meantime; that choice wins.
  if (info && isLocale(info.hostLocale) && !savedLocale()) void i18n.changeLanguage(info.hostLocale);
}
