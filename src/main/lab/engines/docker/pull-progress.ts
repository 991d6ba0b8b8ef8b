import type { PullPhase, PullProgress } from '@shared/containers';

export type { PullPhase, PullProgress };
import { z } from 'zod';

/** One JSON line of Docker's /images/create stream, as dockerode's followProgress hands it over. */
export const pullEventSchema = z.looseObject({
  status: z.string().optional(),
  id: z.string().optional(),
  progressDetail: z
    .looseObject({ current: z.number().optional(), total: z.number().optional() })
    .optional()
    .catch(undefined),
  progress: z.string().optional(),
  error: z.string().optional(),
  errorDetail: z.looseObject({ message: z.string().optional() }).optional().catch(undefined),
});
export type PullEvent = z.output<typeof pullEventSchema>;

type LayerStage = 'waiting' | 'downloading' | 'downloaded' | 'extracting' | 'complete';

interface Layer {
  stage: LayerStage;
  /** "Already exists": no work, so it does not count in the percent. */
  cached: boolean;
  downloaded: number;
  /** Compressed size; known from the first "Downloading" event. */
  size?: number;
  extracted: number;
  extractTotal?: number;
}

/** Per-layer statuses; anything else with an id (the tag in "Pulling from …") is not a layer. */
const layerStages: Record<string, LayerStage> = {
  'Pulling fs layer': 'waiting',
  Waiting: 'waiting',
  Downloading: 'downloading',
  'Verifying Checksum': 'downloading',
  'Download complete': 'downloaded',
  Extracting: 'extracting',
  'Pull complete': 'complete',
  'Already exists': 'complete',
};

/** Extraction is local and fast next to the download, so it weighs less in the percent. */
const DOWNLOAD_WEIGHT = 0.8;
/** Rate smoothing: the newest reading counts this much; readings closer in time are merged. */
const RATE_SMOOTHING = 0.3;
const MIN_RATE_INTERVAL_MS = 250;

/**
 * Folds Docker's per-layer pull events into one progress. Pure: time comes in with each event.
 * Errors are not handled here; the caller stops on an event that carries `error`.
 */
export class PullProgressAggregator {
  readonly #layers = new Map<string, Layer>();
  #percent = 0;
  #status: string | undefined;
  #done = false;
  #rate: number | undefined;
  #lastReading: { at: number; bytes: number } | undefined;

  push(event: PullEvent, nowMs: number): PullProgress {
    const status = event.status ?? '';
    const stage = event.id !== undefined ? (layerStages[status] ?? retryStage(status)) : undefined;
    if (event.id !== undefined && stage !== undefined) this.#updateLayer(event.id, stage, event);
    else if (status.length > 0) {
      // "Pulling from …", "Digest: …", and the final "Status: …" that ends every successful pull.
      if (status.startsWith('Status: ')) this.#done = true;
      this.#status = status;
    }
    this.#updateRate(nowMs);
    return this.snapshot();
  }

  snapshot(): PullProgress {
    const layers = [...this.#layers.values()];
    const layersDone = layers.filter((layer) => layer.stage === 'complete').length;
    let bytesDone = 0;
    let bytesTotal = 0;
    for (const layer of layers) {
      if (layer.size === undefined) continue;
      bytesTotal += layer.size;
      bytesDone += Math.min(layer.downloaded, layer.size);
    }
    // Cached layers are left out: a pull whose first layers are cached would otherwise start high
    // and then stall, since the percent never goes back.
    const working = layers.filter((layer) => !layer.cached);
    const fraction =
      working.length === 0
        ? 0
        : working.reduce((sum, layer) => sum + layerFraction(layer), 0) / working.length;
    this.#percent = this.#done ? 100 : Math.max(this.#percent, Math.min(99, fraction * 100));

    const progress: PullProgress = {
      phase: this.#phase(layers),
      layersTotal: layers.length,
      layersDone,
      bytesDone,
      bytesTotal,
      percent: Math.round(this.#percent * 10) / 10,
    };
    if (this.#rate !== undefined && this.#rate > 0) progress.bytesPerSecond = Math.round(this.#rate);
    const sizesKnown = layers.every((layer) => layer.stage === 'complete' || layer.size !== undefined);
    if (!this.#done && sizesKnown && progress.bytesPerSecond !== undefined && layers.length > 0) {
      progress.etaSeconds = Math.ceil((bytesTotal - bytesDone) / progress.bytesPerSecond);
    }
    if (this.#status !== undefined) progress.status = this.#status;
    return progress;
  }

  #phase(layers: Layer[]): PullPhase {
    if (this.#done) return 'done';
    if (layers.length === 0) return 'resolving';
    const downloading = layers.some((layer) => layer.stage === 'waiting' || layer.stage === 'downloading');
    return downloading ? 'downloading' : 'extracting';
  }

  #updateLayer(id: string, stage: LayerStage, event: PullEvent): void {
    const layer = this.#layers.get(id) ?? { stage: 'waiting', cached: false, downloaded: 0, extracted: 0 };
    this.#layers.set(id, layer);
    if (layer.stage === 'waiting' && event.status === 'Already exists') layer.cached = true;
    const current = event.progressDetail?.current;
    const total = event.progressDetail?.total;
    // Docker's events may arrive slightly out of order between layers, never within one layer.
    layer.stage = stage;
    if (stage === 'downloading' && current !== undefined) {
      layer.downloaded = current;
      if (total !== undefined && total > 0) layer.size = total;
    } else if (stage === 'downloaded' || stage === 'extracting' || stage === 'complete') {
      if (layer.size !== undefined) layer.downloaded = layer.size;
      if (stage === 'extracting' && current !== undefined) {
        layer.extracted = current;
        if (total !== undefined && total > 0) layer.extractTotal = total;
      }
    }
  }

  #updateRate(nowMs: number): void {
    const bytes = [...this.#layers.values()].reduce((sum, layer) => sum + layer.downloaded, 0);
    const last = this.#lastReading;
    if (last === undefined) {
      this.#lastReading = { at: nowMs, bytes };
      return;
    }
    const elapsed = nowMs - last.at;
    if (elapsed < MIN_RATE_INTERVAL_MS) return;
    const reading = (Math.max(0, bytes - last.bytes) * 1000) / elapsed;
    this.#rate =
      this.#rate === undefined ? reading : RATE_SMOOTHING * reading + (1 - RATE_SMOOTHING) * this.#rate;
    this.#lastReading = { at: nowMs, bytes };
  }
}

/** "Retrying in 5 seconds" keeps the layer waiting. */
function retryStage(status: string): LayerStage | undefined {
  return status.startsWith('Retrying in') ? 'waiting' : undefined;
}

function layerFraction(layer: Layer): number {
  switch (layer.stage) {
    case 'complete':
      return 1;
    case 'waiting':
    case 'downloading':
      return layer.size ? (DOWNLOAD_WEIGHT * Math.min(layer.downloaded, layer.size)) / layer.size : 0;
    case 'downloaded':
      return DOWNLOAD_WEIGHT;
    case 'extracting':
      return (
        DOWNLOAD_WEIGHT +
        (1 - DOWNLOAD_WEIGHT) *
          (layer.extractTotal ? Math.min(layer.extracted, layer.extractTotal) / layer.extractTotal : 0)
      );
  }
}
