import type { Locale } from '@shared/locales';
import type { Template } from '@shared/template';

/** The template's own translation for the UI language when it has one, else its base text. */
export function templateText(template: Template, locale: Locale): { name: string; description: string } {
  const translation = template.i18n?.[locale];
  return {
    name: translation?.name ?? template.name,
    description: translation?.description ?? template.description,
  };
}
