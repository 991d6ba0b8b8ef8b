import { describe, expect, it } from 'vitest';
import { hostLocale } from '../../../src/main/lab/host-locale';

describe('host locale', () => {
  it('maps POSIX locales to the three catalogs, LC_ALL first', () => {
    expect(hostLocale({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(hostLocale({ LANG: 'zh_TW.UTF-8' })).toBe('zh-CN');
    expect(hostLocale({ LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(hostLocale({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(hostLocale({ LC_ALL: 'ko_KR.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('ko');
    expect(hostLocale({ LC_MESSAGES: 'zh_CN', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(hostLocale({})).toBe('en');
    expect(hostLocale({ LANG: 'C' })).toBe('en');
  });
});
