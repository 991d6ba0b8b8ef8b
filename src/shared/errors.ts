/**
 * Errors that cross the boundary. The renderer shows `key` through its i18n catalogs (with
 * `params`); `message` is the English sentence for logs and for callers without a catalog.
 */
export const errorCodes = [
  'bad-input',
  'unknown-method',
  'too-large',
  'forbidden',
  'engine-unavailable',
  'not-found',
  'conflict',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type ErrorParams = Record<string, string | number>;

export interface ApiErrorData {
  code: ErrorCode;
  key: string;
  message: string;
  params?: ErrorParams;
}

export class ApiError extends Error implements ApiErrorData {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    readonly key: string,
    message: string,
    readonly params?: ErrorParams,
  ) {
    super(message);
  }

  toData(): ApiErrorData {
    return {
      code: this.code,
      key: this.key,
      message: this.message,
      ...(this.params && { params: this.params }),
    };
  }

  static fromData(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.key, data.message, data.params);
  }
}
