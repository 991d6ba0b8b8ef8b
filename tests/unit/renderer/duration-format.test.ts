import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../src/renderer/src/lib/format/time';
import type { Locale } from '../../../src/shared/locales';
import en from '../../../src/renderer/src/i18n/locales/en.json';
import ko from '../../../src/renderer/src/i18n/locales/ko.json';
import zhCN from '../../../src/renderer/src/i18n/locales/zh-CN.json';

const catalogs: Record<Locale, object> = { en, 'zh-CN': zhCN, ko };

/** Durations as the UI shows them, through i18next with the catalogs the app ships. */
async function durations(locale: Locale, values: number[]): Promise<string[]> {
  const i18n = createInstance();
  await i18n.init({
    lng: locale,
    resources: { [locale]: { translation: catalogs[locale] } },
    interpolation: { escapeValue: false },
  });
  const t = (key: string, params: Record<string, string>) => i18n.t(key, params);
  return values.map((ms) => formatDuration(ms, locale, t));
}

/** One format for every duration in the UI and the exports: ms under a second, else s with one decimal. */
describe('formatDuration, with the shipped catalogs', () => {
  it('in English', async () => {
    expect(await durations('en', [0, 412.4, 999.4, 999.6, 1000, 3250, 12_000, 152_700])).toEqual([
      '0 ms',
      '412 ms',
      '999 ms',
      '1.0 s',
      '1.0 s',
      '3.3 s',
      '12.0 s',
      '152.7 s',
    ]);
  });

  it('in Chinese and Korean, with their own unit words', async () => {
    expect(await durations('zh-CN', [412, 3250])).toEqual(['412 毫秒', '3.3 秒']);
    expect(await durations('ko', [412, 3250])).toEqual(['412ms', '3.3초']);
  });
});
