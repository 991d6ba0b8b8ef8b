import { numberFormat } from './intl-cache';

const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/**
 * Binary sizes the way Docker and the Linux tools print them ("64 MiB", "1.5 GiB"), with the
 * number in the UI language's digits and separators. Unit symbols are the same in every language.
 */
export function formatBytes(bytes: number, language: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 || Number.isInteger(value) ? 0 : 1;
  const number = numberFormat(language, { maximumFractionDigits: digits }).format(value);
  return `${number} ${units[unit]}`;
}
