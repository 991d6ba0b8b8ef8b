import { numberFormat } from './intl-cache';

/** A plain number in the UI language's digits and separators ("1,024", "1.024", "1 024"). */
export function formatNumber(value: number, language: string, maximumFractionDigits = 3): string {
  return numberFormat(language, { maximumFractionDigits }).format(value);
}

/** "12.3 %" in the UI language's style (some put the sign first, some leave no space). */
export function formatPercent(percent: number, language: string): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}
