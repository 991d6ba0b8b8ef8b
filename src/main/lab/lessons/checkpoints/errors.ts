import { defineErrors, type ErrorEntry } from '../../errors';

/** Every sentence a checkpoint can refuse or fail with: i18n keys `checkpoints.<name>`. */
export const checkpointErrorCatalog = {
  notFound: {
    code: 'not-found',
    text: 'This twin has no checkpoint for that step yet. Press Save checkpoint on the step first.',
  },
  twinGone: {
    code: 'not-found',
    text: 'The twin of this lesson is gone; press Reset to make a new one.',
  },
  notRunning: {
    code: 'conflict',
    text: '{{name}} is not running. Start the twin, then save the checkpoint again.',
  },
  saveFailed: {
    code: 'internal',
    text: 'The checkpoint could not be saved ({{detail}}). Nothing of it was kept; check that the twin runs and the disk has room, then try again.',
  },
  restoreFailed: {
    code: 'internal',
    text: 'Going back to the checkpoint failed for {{parts}}. Try again, or press Reset to make a new twin.',
  },
} as const satisfies Record<string, ErrorEntry>;

const checkpointErrors = defineErrors('checkpoints', checkpointErrorCatalog);
export const checkpointError = checkpointErrors.error;
export const checkpointErrorsEnglish = checkpointErrors.english;
