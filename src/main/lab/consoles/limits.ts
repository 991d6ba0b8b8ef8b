import type { FlowLimits } from './flow-control';
import type { InputLimits } from './input-writer';
import type { BatchLimits } from './output-batcher';

export interface ConsoleLimits extends FlowLimits, BatchLimits, InputLimits {
  /** Open sessions (any state but closed) at most; one more is refused with `session-limit`. */
  maxSessions: number;
  /** Characters of recent output kept per session for a viewer that reattaches. */
  replayChars: number;
  /** How long close() waits for a backend to end its program. */
  disposeTimeoutMs: number;
}

/** VS Code's terminal numbers where they exist (100k/5k flow marks, 5 ms batches, 1 KiB input pieces). */
export const defaultConsoleLimits: ConsoleLimits = {
  maxSessions: 64,
  replayChars: 256 * 1024,
  highWaterChars: 100_000,
  lowWaterChars: 5_000,
  flushIntervalMs: 5,
  flushChars: 64 * 1024,
  inputChunkChars: 1024,
  maxQueuedInputChars: 1024 * 1024,
  disposeTimeoutMs: 5_000,
};
