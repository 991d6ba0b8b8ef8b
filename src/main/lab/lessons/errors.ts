import { defineErrors, type ErrorEntry } from '../errors';

/**
 * Every sentence the lesson runner can refuse with: i18n keys `lessons.error.<name>` and
 * `lessons.trust.notTrusted` (the text the trust dialog also uses), each saying what to do next.
 */
export const lessonErrorCatalog = {
  'error.lessonNotFound': {
    code: 'not-found',
    text: 'There is no lesson "{{id}}" any more. Go back to the lesson list and open another one.',
  },
  'error.stepNotFound': {
    code: 'not-found',
    text: 'The lesson "{{lessonId}}" has no step "{{id}}". Open the lesson again: its file may have changed.',
  },
  'error.twinGone': {
    code: 'not-found',
    text: 'The twin of this lesson is gone; press Reset to make a new one.',
  },
  'trust.notTrusted': {
    code: 'forbidden',
    text: 'This lesson is not one of Twinlab’s own and wants to run commands on this computer. Press Run or Check again and allow it, or use a lesson you trust.',
  },
} as const satisfies Record<string, ErrorEntry>;

const lessonErrors = defineErrors('lessons', lessonErrorCatalog);
export const lessonError = lessonErrors.error;
export const lessonErrorsEnglish = lessonErrors.english;
