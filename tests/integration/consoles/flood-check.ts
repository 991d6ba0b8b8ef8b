import { setTimeout as delay } from 'node:timers/promises';
import type { Viewer } from './console-harness';

/** Follows `seq 1 N` output across chunk borders and checks that every number arrives once, in order. */
export class SequenceChecker {
  next = 1;
  done = false;
  error: string | undefined;
  #carry = '';

  constructor(
    readonly last: number,
    readonly doneLine: string,
  ) {}

  feed(data: string): void {
    const lines = (this.#carry + data).split('\n');
    this.#carry = lines.pop() ?? '';
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (this.next === 1 && line !== '1') continue; // the prompt and the echoed command
      if (this.next <= this.last) {
        if (line !== String(this.next))
          this.error ??= `expected ${this.next}, got ${JSON.stringify(line.slice(0, 80))}`;
        this.next++;
      } else if (line === this.doneLine) this.done = true;
    }
  }
}

export interface FloodResult {
  outputChars: number;
  stalledUnacked: number;
  stalledGrowth: number;
  paused: boolean;
  rssBaselineMb: number;
  rssPeakGrowthMb: number;
  drainSeconds: number;
  charsPerSecond: number;
  checker: SequenceChecker;
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/**
 * Floods a console with `seq 1 lines` while its viewer first stops acking (the backend must get
 * paused and stay paused), then acks each batch a millisecond after "rendering" it (a slow
 * renderer) until everything has arrived. Samples main's RSS throughout.
 */
export async function floodWithSlowViewer(
  viewer: Viewer,
  lines: number,
  timeoutMs: number,
): Promise<FloodResult> {
  const { manager, id } = viewer;
  const checker = new SequenceChecker(lines, 'flood-6-done');
  let acking = false;
  viewer.keepText = false;
  viewer.ackMode = 'manual';
  viewer.onChunk = (data) => {
    checker.feed(data);
    if (acking) setTimeout(() => manager.ack(id, data.length), 1);
  };
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  try {
    viewer.type(`seq 1 ${lines}; echo flood-$((2*3))-done\r`);
    // A viewer that has stopped acking: the producer must be held back, not buffered for.
    await delay(1500);
    const stalled = manager.info(id);
    const receivedThen = viewer.receivedChars;
    await delay(500);
    const stalledGrowth = viewer.receivedChars - receivedThen;
    // A slow viewer from here on: acks the backlog, then each batch shortly after it arrives.
    const started = performance.now();
    const receivedBefore = viewer.receivedChars;
    acking = true;
    manager.ack(id, stalled.unackedChars);
    const deadline = Date.now() + timeoutMs;
    while (!checker.done && !checker.error && Date.now() < deadline) await delay(20);
    const drainSeconds = (performance.now() - started) / 1000;
    return {
      outputChars: viewer.receivedChars,
      stalledUnacked: stalled.unackedChars,
      stalledGrowth,
      paused: stalled.paused,
      rssBaselineMb: mb(baseline),
      rssPeakGrowthMb: mb(peak - baseline),
      drainSeconds: Math.round(drainSeconds * 100) / 100,
      charsPerSecond: Math.round((viewer.receivedChars - receivedBefore) / drainSeconds),
      checker,
    };
  } finally {
    clearInterval(sampler);
    viewer.onChunk = undefined;
    viewer.ackMode = 'auto';
    viewer.keepText = true;
  }
}
