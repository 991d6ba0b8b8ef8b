import { useMemo } from 'react';
import { currentLocale } from '../i18n';
import { templateText } from './template-text';
import { useCatalog } from './queries';

/** Template id → its name in the UI language, for every template in the catalog. */
export function useTemplateNames(): ReadonlyMap<string, string> {
  const catalog = useCatalog();
  const locale = currentLocale();
  return useMemo(
    () =>
      new Map(
        (catalog.data?.entries ?? []).map(({ template }) => [
          template.id,
          templateText(template, locale).name,
        ]),
      ),
    [catalog.data, locale],
  );
}
