import { Chip, Group } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@shared/locales';
import { currentLocale, switchLanguage } from './index';
import { isLocale, saveLocale } from './locale-preference';

/**
 * Each language is named in itself and never translated: someone facing a UI in a language they
 * cannot read must still recognise their own. `lang` lets screen readers pronounce each name.
 */
const languageNames: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文', ko: '한국어' };

/**
 * All three choices in view (a radio group, not a dropdown): one click, and the way back is
 * visible whatever language the UI is in. Chips rather than a SegmentedControl: its sliding
 * indicator measures the page's layout whenever the page changes, which cost the Lab page with
 * 100 guests about 75 ms of its first render.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" role="radiogroup" aria-label={t('language.label')}>
      <IconLanguage size={18} stroke={1.6} aria-hidden color="var(--mantine-color-dimmed)" />
      <Chip.Group
        value={currentLocale()}
        onChange={(value) => {
          if (!isLocale(value)) return;
          saveLocale(value);
          void switchLanguage(value);
        }}
      >
        {(Object.keys(languageNames) as Locale[]).map((locale) => (
          <Chip key={locale} value={locale} name="twinlab-language" size="xs" radius="md" variant="light">
            <span lang={locale}>{languageNames[locale]}</span>
          </Chip>
        ))}
      </Chip.Group>
    </Group>
  );
}
