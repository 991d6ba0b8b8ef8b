import type { AppInfo } from '@shared/api';
import type { Locale } from '@shared/locales';
import { switchLanguage } from './index';
import { knownStartupLocale } from './known-locale';
import { isLocale, pickInitialLocale, savedLocale } from './locale-preference';

/** How long the first paint may wait for the host's locale before it starts in English. */
const hostLocaleWaitMs = 800;

/**
 * The language to start in: the user's saved choice, else the host's. The page served by main
 * names the host's language, so the first render waits for nothing; without it (the dev server)
 * it waits briefly for `app.info`, and a browser tab whose server is not up yet starts in English
 * and switches when the answer comes.
 */
export async function resolveStartupLocale(appInfo: Promise<AppInfo | undefined>): Promise<Locale> {
  const known = knownStartupLocale();
  if (known) return known;
  const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, hostLocaleWaitMs));
  const info = await Promise.race([appInfo, timeout]);
  if (!info) void appInfo.then(followLateHostLocale);
  return pickInitialLocale(undefined, isLocale(info?.hostLocale) ? info.hostLocale : undefined);
}

function followLateHostLocale(info: AppInfo | undefined): void {
  // The user may have picked a language in the meantime; that choice wins.
  if (info && isLocale(info.hostLocale) && !savedLocale()) void switchLanguage(info.hostLocale);
}
