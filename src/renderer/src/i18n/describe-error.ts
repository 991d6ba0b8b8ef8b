import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorData } from '@shared/errors';

/** ApiError instances and plain error data (as sent on the wire) alike carry a key and a message. */
function isApiErrorData(value: unknown): value is ApiErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<ApiErrorData>).key === 'string' &&
    typeof (value as Partial<ApiErrorData>).message === 'string'
  );
}

/**
 * One sentence for the user, in their language. A key our catalogs lack (a newer server) falls
 * back to the server's English message rather than showing the raw key.
 */
export function describeError(error: unknown, t: TFunction): string {
  if (isApiErrorData(error)) return t(error.key, { ...error.params, defaultValue: error.message });
  const detail = error instanceof Error ? error.message : String(error);
  return t('error.unexpected', { detail });
}

export function useDescribeError(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => describeError(error, t), [t]);
}
