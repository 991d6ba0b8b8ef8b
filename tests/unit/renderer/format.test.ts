import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/renderer/src/lib/format/bytes';
import { formatList } from '../../../src/renderer/src/lib/format/list';
import { formatNumber, formatPercent } from '../../../src/renderer/src/lib/format/number';
import { formatSeconds } from '../../../src/renderer/src/lib/format/time';

describe('lib/format', () => {
  it('prints binary sizes like the Linux tools, in the language’s digits', () => {
    expect(formatBytes(64 * 1024 * 1024, 'en')).toBe('64 MiB');
    expect(formatBytes(1.5 * 1024 ** 3, 'en')).toBe('1.5 GiB');
    expect(formatBytes(1.5 * 1024 ** 3, 'de')).toBe('1,5 GiB');
    expect(formatBytes(-1, 'en')).toBe('—');
  });

  it('prints plain numbers with the language’s separators and a fraction limit', () => {
    expect(formatNumber(1024, 'en')).toBe('1,024');
    expect(formatNumber(1024, 'de')).toBe('1.024');
    expect(formatNumber(2.345, 'en', 1)).toBe('2.3');
  });

  it('prints percentages and remaining times', () => {
    expect(formatPercent(12.34, 'en')).toBe('12.3%');
    expect(formatSeconds(12, 'en')).toBe('12 sec');
  });

  it('joins lists the way the language does', () => {
    expect(formatList(['container', 'VM', 'host'], 'en')).toBe('container, VM, and host');
    expect(formatList(['容器', '虚拟机'], 'zh-CN')).toBe('容器和虚拟机');
  });
});
