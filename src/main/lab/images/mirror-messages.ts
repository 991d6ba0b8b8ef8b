import { ApiError, type ErrorCode, type ErrorParams } from '@shared/errors';

/**
 * English text of every i18n key the mirror code emits (the renderer's catalogs hold the same text
 * under the same key; a unit test keeps them equal). Each sentence names the mirror and says what to do.
 */
export const mirrorMessages = {
  'mirrors.error.invalidFile':
    'The mirror setting in {{file}} is not valid: {{field}} {{problem}}. Correct or remove that file.',
  'mirrors.error.invalidEnv':
    'The mirror setting in TWINLAB_MIRROR is not valid: {{field}} {{problem}}. Set it to a URL such as http://10.0.0.5:8787, or to {http: URL, registry: host:port}.',
  'mirrors.error.unreachable':
    'The HTTP mirror {{mirror}} did not answer for {{url}} ({{detail}}). Nothing was cached. Check that the mirror is running, or clear the mirror on the Host page.',
  'mirrors.error.missing':
    'The HTTP mirror {{mirror}} does not have {{url}} ({{detail}}). Nothing was cached. Ask whoever runs the mirror to add it, or clear the mirror on the Host page.',
  'mirrors.error.checksum':
    'The HTTP mirror {{mirror}} served a file for {{url}} whose checksum is wrong, so it was refused and nothing was cached. The mirror holds a damaged or different file: ask whoever runs it to refresh it, or clear the mirror on the Host page.',
  'mirrors.error.registryUnreachable':
    'The registry mirror {{mirror}} did not answer while pulling “{{image}}” ({{detail}}). Check that the mirror is running, or clear the registry mirror on the Host page.',
  'mirrors.error.registryMissing':
    'The registry mirror {{mirror}} has no image “{{image}}” ({{detail}}). Ask whoever runs the mirror to add it, or clear the registry mirror on the Host page.',
  'mirrors.error.shareLoadFailed':
    'The shared images at {{mirror}} offer “{{image}}”, but loading it failed ({{detail}}). Try again; if it keeps failing, ask whoever shares the images to restart sharing, or clear the mirror on the Host page.',
} as const;

export type MirrorMessageKey = keyof typeof mirrorMessages;

export function mirrorError(code: ErrorCode, key: MirrorMessageKey, params: ErrorParams): ApiError {
  const message = mirrorMessages[key].replace(/\{\{(\w+)\}\}/g, (all, name: string) =>
    name in params ? String(params[name]) : all,
  );
  return new ApiError(code, key, message, params);
}
