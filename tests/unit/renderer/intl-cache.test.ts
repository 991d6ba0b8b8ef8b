import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from '../../../src/renderer/src/lib/format/intl-cache';

describe('Intl formatter cache', () => {
  it('hands out one formatter per language and options', () => {
    expect(numberFormat('en', { maximumFractionDigits: 1 })).toBe(
      numberFormat('en', { maximumFractionDigits: 1 }),
    );
    expect(numberFormat('en', { maximumFractionDigits: 1 })).not.toBe(
      numberFormat('en', { maximumFractionDigits: 0 }),
    );
    expect(numberFormat('de', { maximumFractionDigits: 1 })).not.toBe(
      numberFormat('en', { maximumFractionDigits: 1 }),
    );
  });

  it('formats as a fresh Intl formatter would', () => {
    expect(numberFormat('de', { maximumFractionDigits: 1 }).format(1234.56)).toBe('1.234,6');
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };
    const date = new Date('2026-12-04T11:00:00Z');
    expect(dateTimeFormat('ko', options).format(date)).toBe(
      new Intl.DateTimeFormat('ko', options).format(date),
    );
  });
});
