import type { ErrorCode } from '@shared/errors';
import { defineErrors } from '../errors';

/**
 * What can go wrong while Twinlab fetches a system container's image from a simplestreams server
 * (or the HTTP mirror standing in for it): i18n keys `systems.image.<name>`, each saying what to do.
 */
export const remoteImageErrorCatalog = {
  streamUnreachable: {
    code: 'engine-unavailable',
    text: 'Twinlab could not read the image list {{url}} ({{detail}}). Check the network, or the HTTP mirror on the Host page, then try again.',
  },
  streamInvalid: {
    code: 'bad-input',
    text: "{{url}} is not a simplestreams image list ({{detail}}). Check the template's remote, or that the mirror copies the server's streams/v1 folder.",
  },
  notOnServer: {
    code: 'not-found',
    text: '{{server}} has no container image "{{image}}" for {{arch}}. Check the template\'s image name; a mirror must hold the same image as the server.',
  },
  fingerprintMismatch: {
    code: 'bad-input',
    text: '{{product}} imported the image as {{actual}}, but the image list names {{expected}}. Twinlab removed it again. The mirror or server serves files that do not belong together: ask its owner to refresh it.',
  },
} as const satisfies Record<string, { code: ErrorCode; text: string }>;

export const remoteImageErrors = defineErrors('systems.image', remoteImageErrorCatalog);
export const remoteImageError = remoteImageErrors.error;
