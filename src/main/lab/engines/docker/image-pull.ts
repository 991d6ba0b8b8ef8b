import type Docker from 'dockerode';
import type { ApiError } from '@shared/errors';
import { describeDockerError, engineApiError } from './docker-errors';
import { readJsonLines } from './json-lines';
import { containerError } from './messages';
import { PullProgressAggregator, pullEventSchema, type PullProgress } from './pull-progress';
import { asReadable } from './readable';

export interface PullOptions {
  signal?: AbortSignal;
  onProgress?: (progress: PullProgress) => void;
  now?: () => number;
}

/** Docker's words for a registry it cannot reach (DNS, refused, timeouts, TLS). */
const UNREACHABLE =
  /dial tcp|no such host|connection refused|i\/o timeout|network is unreachable|TLS handshake timeout|context deadline exceeded|server misbehaving|no route to host/i;
const NOT_FOUND =
  /manifest unknown|not found|pull access denied|repository does not exist|manifest for .* not found/i;

/** An `error` line inside the pull stream (the HTTP status was already 200). */
class PullStreamError extends Error {}

/**
 * Pulls one image with one aggregated progress. Rejects with an ApiError that says what to do:
 * offline → import instead; unknown name → check it; cancelled through the signal.
 */
export async function pullImage(
  docker: Docker,
  image: string,
  options: PullOptions = {},
): Promise<PullProgress> {
  const { signal, onProgress, now = Date.now } = options;
  const cancelled = () => containerError('image.pullCancelled', { image });
  if (signal?.aborted) throw cancelled();
  const aggregator = new PullProgressAggregator();
  let last = aggregator.snapshot();
  try {
    const stream = asReadable(await docker.pull(image, signal ? { abortSignal: signal } : {}));
    const stop = () => stream.destroy();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      await readJsonLines(stream, (raw) => {
        const event = pullEventSchema.safeParse(raw);
        if (!event.success) return;
        if (event.data.error !== undefined)
          throw new PullStreamError(event.data.errorDetail?.message ?? event.data.error);
        last = aggregator.push(event.data, now());
        onProgress?.(last);
      });
    } finally {
      signal?.removeEventListener('abort', stop);
    }
  } catch (error) {
    if (signal?.aborted) throw cancelled();
    throw pullApiError(error, image);
  }
  // An aborted response may just "end"; a stream that ends without Docker's final status did not finish.
  if (signal?.aborted) throw cancelled();
  if (last.phase !== 'done') {
    throw containerError('image.pullFailed', {
      image,
      detail: 'Docker stopped sending progress before the image was complete',
    });
  }
  return last;
}

export function pullApiError(error: unknown, image: string): ApiError {
  const failure = describeDockerError(error);
  const engine = error instanceof PullStreamError ? undefined : engineApiError(failure);
  if (engine) return engine;
  const detail = failure.detail;
  if (UNREACHABLE.test(detail)) return containerError('image.pullUnreachable', { image, detail });
  if (failure.statusCode === 404 || NOT_FOUND.test(detail)) {
    return containerError('image.pullNotFound', { image, detail });
  }
  return containerError('image.pullFailed', { image, detail });
}
