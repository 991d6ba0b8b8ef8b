import { z } from 'zod';
import { api, isMethodName, type MethodName, type MethodResult, type ParsedInput } from '@shared/api';
import { ApiError, type ApiErrorData } from '@shared/errors';
import type { Reply } from '@shared/wire';
import type { Logger } from './log';

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodResult<M>> };

export interface Router {
  /** Validates and runs one call. Never throws: every failure becomes a typed error reply. */
  call(method: string, input: unknown): Promise<Reply>;
}

export function createRouter(handlers: Handlers, log: Logger): Router {
  return {
    async call(method, input) {
      try {
        if (!isMethodName(method)) {
          throw new ApiError('unknown-method', 'error.unknownMethod', `Unknown method "${method}".`, {
            method: method.slice(0, 80),
          });
        }
        const parsed = api[method].input.safeParse(input ?? {});
        if (!parsed.success) {
          const detail = z.prettifyError(parsed.error);
          throw new ApiError('bad-input', 'error.badInput', `Invalid input for ${method}: ${detail}`, {
            method,
            detail,
          });
        }
        // The handler table is keyed by method, so this pairing is sound; TS cannot correlate it.
        const handler = handlers[method] as (input: unknown) => Promise<unknown>;
        return { ok: true, result: await handler(parsed.data) };
      } catch (error) {
        return { ok: false, error: toErrorData(error, method, log) };
      }
    },
  };
}

function toErrorData(error: unknown, method: string, log: Logger): ApiErrorData {
  if (error instanceof ApiError) {
    log.warn(`${method}: ${error.code}: ${error.message}`);
    return error.toData();
  }
  log.error(`${method} failed`, error);
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', key: 'error.internal', message, params: { detail: message } };
}
