import { defineErrors, type ErrorEntry } from '../errors';

/**
 * English text of every i18n key the mirror code emits (the renderer's catalogs hold the same text
 * under the same key; a unit test keeps them equal). Each sentence names the mirror and says what to do.
 */
const mirrorErrorCatalog = {
  invalidFile: {
    code: 'bad-input',
    text: 'The mirror setting in {{file}} is not valid: {{field}} {{problem}}. Correct or remove that file.',
  },
  invalidEnv: {
    code: 'bad-input',
    text: 'The mirror setting in TWINLAB_MIRROR is not valid: {{field}} {{problem}}. Set it to a URL such as http://10.0.0.5:8787, or to {http: URL, registry: host:port}.',
  },
  unreachable: {
    code: 'engine-unavailable',
    text: 'The HTTP mirror {{mirror}} did not answer for {{url}} ({{detail}}). Nothing was cached. Check that the mirror is running, or clear the mirror on the Host page.',
  },
  missing: {
    code: 'not-found',
    text: 'The HTTP mirror {{mirror}} does not have {{url}} ({{detail}}). Nothing was cached. Ask whoever runs the mirror to add it, or clear the mirror on the Host page.',
  },
  checksum: {
    code: 'bad-input',
    text: 'The HTTP mirror {{mirror}} served a file for {{url}} whose checksum is wrong, so it was refused and nothing was cached. The mirror holds a damaged or different file: ask whoever runs it to refresh it, or clear the mirror on the Host page.',
  },
  registryUnreachable: {
    code: 'engine-unavailable',
    text: 'The registry mirror {{mirror}} did not answer while pulling “{{image}}” ({{detail}}). Check that the mirror is running, or clear the registry mirror on the Host page.',
  },
  registryMissing: {
    code: 'not-found',
    text: 'The registry mirror {{mirror}} has no image “{{image}}” ({{detail}}). Ask whoever runs the mirror to add it, or clear the registry mirror on the Host page.',
  },
  shareLoadFailed: {
    code: 'engine-unavailable',
    text: 'The shared images at {{mirror}} offer “{{image}}”, but loading it failed ({{detail}}). Try again; if it keeps failing, ask whoever shares the images to restart sharing, or clear the mirror on the Host page.',
  },
} as const satisfies Record<string, ErrorEntry>;

const mirrorErrors = defineErrors('mirrors.error', mirrorErrorCatalog);
export const mirrorError = mirrorErrors.error;
/** The English text under its i18n keys (the renderer's catalogs must hold the same). */
export const mirrorMessages = mirrorErrors.english();
