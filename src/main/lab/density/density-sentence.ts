import type { DensityKindResult } from '@shared/density';
import { ApiError } from '@shared/errors';

/** A sentence for the user: its catalog key, the English text, and the values it names. */
export interface DensitySentence {
  key: string;
  message: string;
  params?: Record<string, string | number>;
}

/** A sentence as a kind's result carries it. */
export function kindMessage(
  sentence: DensitySentence,
): Pick<DensityKindResult, 'message' | 'messageKey' | 'messageParams'> {
  return {
    message: sentence.message,
    messageKey: sentence.key,
    ...(sentence.params && { messageParams: sentence.params }),
  };
}

/** Why a guest failed: the services' ApiErrors keep their own key; anything else is named as it came. */
export function failureSentence(error: unknown): DensitySentence {
  if (error instanceof ApiError)
    return { key: error.key, message: error.message, ...(error.params && { params: error.params }) };
  const detail = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  return {
    key: 'error.densityGuestFailed',
    message: `A guest failed to start: ${detail}. Check the engines on the Host page and try again.`,
    params: { detail },
  };
}
