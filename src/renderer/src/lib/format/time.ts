import { numberFormat, dateTimeFormat } from './intl-cache';

/** A clock time in the UI language; ISO strings from main are UTC, shown in local time. */
export function formatTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(language, { timeStyle: 'medium' }).format(date);
}

/** i18next's `t`, or a stand-in in tests: the unit words are in the catalogs (units.*). */
type Translate = (key: string, params: Record<string, string>) => string;

/**
 * The one duration format of the UI and its exports: whole milliseconds under a second ("850 ms"),
 * else seconds with one decimal ("2.4 s", "12.0 s"), in the UI language's digits and unit words.
 */
export function formatDuration(ms: number, language: string, t: Translate): string {
  const rounded = Math.max(0, Math.round(ms));
  if (rounded < 1000) return t('units.milliseconds', { value: numberFormat(language).format(rounded) });
  const seconds = numberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return t('units.seconds', { value: seconds.format(ms / 1000) });
}

/** A date and time in the UI language, e.g. for when a guest was created. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "in 12 s" / "3 min" style remaining time for an ETA. */
export function formatSeconds(seconds: number, language: string): string {
  const [value, unit] =
    seconds < 90 ? [Math.max(1, Math.round(seconds)), 'second'] : [Math.round(seconds / 60), 'minute'];
  return numberFormat(language, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}
