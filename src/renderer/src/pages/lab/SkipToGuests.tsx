import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The id of the Lab page's guest cards, the skip link's target. */
export const labGuestsId = 'lab-guests';

/**
 * "Skip to guests": the first Tab stop of the Lab page, shown when focused, past the page's
 * actions straight to the first guest card.
 */
export function SkipToGuests() {
  const { t } = useTranslation();
  // Under HashRouter a plain `#lab-guests` link would be taken as a route: move focus instead.
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(labGuestsId)?.focus();
  };
  return (
    <a className="skip-link" href={`#${labGuestsId}`} onClick={skip}>
      {t('lab.skipToGuests')}
    </a>
  );
}
