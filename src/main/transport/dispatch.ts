import { z } from 'zod';
import { ApiError } from '@shared/errors';
import { maxRequestBytes } from '@shared/wire';
import type { Router } from '../lab/router';
import type { Reply } from '@shared/wire';

const callSchema = z.object({ method: z.string().max(200), input: z.unknown() });

/**
 * The part of every transport after its own access check: size limit, envelope shape, router.
 * `size` is the request's size in bytes as it arrived on the wire.
 */
export async function dispatch(router: Router, call: unknown, size: number): Promise<Reply> {
  if (size > maxRequestBytes) {
    return failure(
      new ApiError(
        'too-large',
        'error.tooLarge',
        `Request of ${size} bytes is over the ${maxRequestBytes}-byte limit.`,
        {
          size,
          limit: maxRequestBytes,
        },
      ),
    );
  }
  const parsed = callSchema.safeParse(call);
  if (!parsed.success) {
    return failure(
      new ApiError('bad-input', 'error.badInput', 'Malformed request.', {
        method: '?',
        detail: 'malformed request',
      }),
    );
  }
  return router.call(parsed.data.method, parsed.data.input);
}

function failure(error: ApiError): Reply {
  return { ok: false, error: error.toData() };
}
