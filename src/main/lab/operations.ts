import { ApiError } from '@shared/errors';
import type { OperationProgress } from '@shared/operations';

/**
 * Long work the renderer started (pull, import, create), by the id the renderer chose: its
 * AbortController for operations.cancel and the way its progress reaches the event bus.
 */
export class Operations {
  readonly #running = new Map<string, AbortController>();

  constructor(private readonly onProgress: (progress: OperationProgress) => void) {}

  async run<T>(
    operationId: string,
    work: (
      signal: AbortSignal,
      progress: (update: Omit<OperationProgress, 'operationId'>) => void,
    ) => Promise<T>,
  ): Promise<T> {
    if (this.#running.has(operationId)) {
      throw new ApiError(
        'conflict',
        'error.operationRunning',
        `Operation ${operationId} is already running.`,
        {
          operationId,
        },
      );
    }
    const controller = new AbortController();
    this.#running.set(operationId, controller);
    try {
      const result = await work(controller.signal, (update) => this.onProgress({ operationId, ...update }));
      this.onProgress({ operationId, step: 'done' });
      return result;
    } finally {
      this.#running.delete(operationId);
    }
  }

  /** Cancels a running operation; cancelling one that already ended is not an error. */
  cancel(operationId: string): void {
    this.#running.get(operationId)?.abort();
  }

  cancelAll(): void {
    for (const controller of this.#running.values()) controller.abort();
  }
}
