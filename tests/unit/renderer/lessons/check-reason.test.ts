import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { localReasonParams } from '../../../../src/renderer/src/pages/lessons/check-reason';
import en from '../../../../src/renderer/src/i18n/locales/en.json';
import ko from '../../../../src/renderer/src/i18n/locales/ko.json';
import zhCN from '../../../../src/renderer/src/i18n/locales/zh-CN.json';
import type { CheckReason } from '../../../../src/shared/lessons';

/** The app's catalogs in a fresh i18next, as the renderer sets it up (no escaping: React does it). */
async function translatorFor(lng: string) {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, ko: { translation: ko } },
    interpolation: { escapeValue: false },
  });
  const listOf = (items: string[]) => new Intl.ListFormat(lng, { type: 'conjunction' }).format(items);
  return (reason: CheckReason) =>
    i18n.t(reason.key, { ...localReasonParams(reason, i18n.t, listOf), defaultValue: reason.message });
}

describe('check reasons in the UI language', () => {
  // As evaluate-checks sends them (its own test checks that it does).
  const passed: CheckReason = {
    key: 'lessons.check.passed',
    message: 'Printed container: "6.1.0", host: "6.1.0".',
    params: { outputs: 'container: "6.1.0", host: "6.1.0"' },
    outputs: [
      { target: 'container', output: '6.1.0' },
      { target: 'host', output: '6.1.0' },
    ],
  };

  it('names the targets of each output in Korean and Chinese, and in English as before', async () => {
    expect((await translatorFor('ko'))(passed)).toBe('출력: 컨테이너: "6.1.0" 및 호스트: "6.1.0".');
    expect((await translatorFor('zh-CN'))(passed)).toBe('输出了 容器：“6.1.0”和主机：“6.1.0”。');
    expect((await translatorFor('en'))(passed)).toBe('Printed container: "6.1.0" and host: "6.1.0".');
  });

  it('names a missing feature or role in Korean instead of its id', async () => {
    const ko = await translatorFor('ko');
    const skipped = (params: CheckReason['params'], key = 'lessons.check.skippedFeature'): CheckReason => ({
      key,
      message: 'English',
      params,
    });
    expect(ko(skipped({ feature: 'vm-image' }))).toBe(
      '건너뜀: 이 단계에는 디스크 이미지로 부팅하는 VM이(가) 필요한데 이 트윈에는 없습니다.',
    );
    expect(ko(skipped({ feature: 'sandbox' }))).toBe(
      '건너뜀: 이 단계에는 샌드박스이(가) 필요한데 이 트윈에는 없습니다.',
    );
    expect(ko(skipped({ role: 'sandbox' }, 'lessons.check.skippedRole'))).toBe(
      '건너뜀: 이 트윈에는 샌드박스이(가) 없습니다.',
    );
    expect(ko(skipped({ target: 'vm', error: 'timeout' }, 'lessons.check.runFailed'))).toBe(
      '명령이 VM에서 끝나지 않았습니다: timeout',
    );
  });
});
