import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fetch as undiciFetch } from 'undici';
import { ApiError } from '@shared/errors';
import type { Digest } from './checksums';
import { vmError } from '../vms/errors';
import { TransferMeter, type TransferProgress } from './transfer-meter';

export interface VerifiedDownload {
  url: string;
  /** The digest the finished file must have (from the template or the project's checksum file). */
  digest: Digest;
  /** Where bytes collect until verified; kept after an interruption so the next try resumes. */
  partPath: string;
  /** Where the verified file appears, atomically (rename) and read-only. */
  finalPath: string;
}

export interface DownloadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: TransferProgress) => void;
  /** Connection attempts within this call; each one resumes with an HTTP Range request. */
  attempts?: number;
  retryDelayMs?: number;
  /** An attempt that receives nothing for this long is dropped and retried. */
  idleTimeoutMs?: number;
  progressIntervalMs?: number;
  freeDiskBytes?: (path: string) => Promise<number>;
  fetch?: typeof fetch;
}

/** A failure worth another attempt (connection dropped, stalled, or ended early). */
class RetryableError extends Error {}

/**
 * Downloads `url` into `partPath`, resuming what an earlier attempt left there, then checks the
 * digest (SHA-256 or SHA-512) of the whole file. Only a verified file is renamed into place, so the cache never holds
 * a corrupt entry; on a checksum mismatch the part file is deleted too.
 */
export async function downloadVerified(
  request: VerifiedDownload,
  options: DownloadOptions = {},
): Promise<void> {
  // undici 8's fetch, not Node 22's bundled one: that one throws an uncatchable assert(!this.paused)
  // when a server closes the connection while the body waits on a disk write (nodejs/undici#5360,
  // fixed in undici 8), and BusyBox httpd, a common workshop mirror, closes after every response.
  // Its Response is the same WHATWG shape the global fetch type describes.
  const fetchImpl = options.fetch ?? (undiciFetch as unknown as typeof fetch);
  const attempts = options.attempts ?? 4;
  let offset = await sizeOf(request.partPath);
  const algorithm = request.digest.algorithm;
  let hash = offset > 0 ? await hashFile(request.partPath, algorithm) : createHash(algorithm);
  const meter = new TransferMeter(offset, undefined);
  let lastReport = 0;
  const report = (force: boolean) => {
    const now = performance.now();
    if (!force && now - lastReport < (options.progressIntervalMs ?? 200)) return;
    lastReport = now;
    options.onProgress?.(meter.progress());
  };
  const restartFromZero = async () => {
    await (await open(request.partPath, 'w')).close();
    offset = 0;
    hash = createHash(algorithm);
  };

  for (let attempt = 1; ; attempt++) {
    throwIfCancelled(options.signal);
    const idle = new AbortController();
    let idleTimer: NodeJS.Timeout | undefined;
    const armIdle = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => idle.abort(), options.idleTimeoutMs ?? 30_000);
    };
    const signal = options.signal ? AbortSignal.any([options.signal, idle.signal]) : idle.signal;
    let file: FileHandle | undefined;
    try {
      armIdle();
      const response = await fetchImpl(request.url, {
        signal,
        redirect: 'follow',
        // identity: a compressed response would break both Content-Length and byte ranges.
        headers: { 'accept-encoding': 'identity', ...(offset > 0 && { range: `bytes=${offset}-` }) },
      });
      const total = await acceptResponse(response, offset, request.url, restartFromZero);
      if (total === 'complete') break;
      offset = await sizeOf(request.partPath);
      meter.restart(offset, total);
      report(true);
      if (total !== undefined) await ensureSpace(request.partPath, total - offset, options.freeDiskBytes);
      file = await open(request.partPath, 'a');
      if (!response.body) throw new RetryableError('the server sent no body');
      for await (const chunk of response.body) {
        armIdle();
        await file.write(chunk);
        hash.update(chunk);
        offset += chunk.byteLength;
        meter.add(chunk.byteLength);
        report(false);
      }
      if (total !== undefined && offset < total)
        throw new RetryableError(`the connection closed at ${offset} of ${total} bytes`);
      break;
    } catch (error) {
      if (options.signal?.aborted) throw vmError('downloadCancelled');
      if (error instanceof ApiError) throw error;
      if (attempt >= attempts) {
        const detail = idle.signal.aborted ? 'no data arrived for a while' : describe(error);
        throw Object.assign(
          vmError('downloadFailed', { url: request.url, receivedMiB: toMiB(offset), detail }),
          { cause: error },
        );
      }
      await sleep(
        options.retryDelayMs ?? 500,
        undefined,
        options.signal ? { signal: options.signal } : {},
      ).catch(() => undefined);
    } finally {
      clearTimeout(idleTimer);
      await file?.close();
    }
  }
  report(true);

  const actual = hash.digest('hex');
  if (actual !== request.digest.hex) {
    await unlink(request.partPath).catch(() => undefined);
    throw vmError('imageChecksumMismatch', {
      url: request.url,
      algorithm: algorithm.toUpperCase().replace('SHA', 'SHA-'),
      expected: request.digest.hex,
      actual,
    });
  }
  await chmod(request.partPath, 0o444); // a cached base image is never written again
  await rename(request.partPath, request.finalPath);
}

/**
 * Interprets the status for a request that asked to resume at `offset`: the total size to expect,
 * or 'complete' when the part file already holds the whole resource.
 */
async function acceptResponse(
  response: Response,
  offset: number,
  url: string,
  restartFromZero: () => Promise<void>,
): Promise<number | undefined | 'complete'> {
  const length = numberHeader(response.headers.get('content-length'));
  if (response.status === 206) {
    const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(response.headers.get('content-range') ?? '');
    if (range && Number(range[1]) === offset) return range[3] === '*' ? undefined : Number(range[3]);
    await response.body?.cancel();
    await restartFromZero(); // a range we did not ask for: start over rather than guess
    throw new RetryableError('the server resumed at the wrong place');
  }
  if (response.status === 416 && offset > 0) {
    await response.body?.cancel();
    const total = /^bytes \*\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1];
    if (total !== undefined && Number(total) === offset) return 'complete';
    await restartFromZero();
    throw new RetryableError('the partial file is larger than the resource');
  }
  if (response.status === 200) {
    if (offset > 0) await restartFromZero(); // the server ignores Range: take the whole file again
    return length;
  }
  await response.body?.cancel();
  throw vmError('downloadHttpStatus', { url, status: `${response.status} ${response.statusText}`.trim() });
}

async function ensureSpace(
  path: string,
  bytes: number,
  freeDiskBytes?: (path: string) => Promise<number>,
): Promise<void> {
  if (!freeDiskBytes) return;
  const free = await freeDiskBytes(dirname(path));
  if (free < bytes)
    throw vmError('imageTooLarge', {
      neededMiB: toMiB(bytes),
      availableMiB: toMiB(free),
      dir: dirname(path),
    });
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw vmError('downloadCancelled');
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

async function hashFile(path: string, algorithm: Digest['algorithm']): Promise<Hash> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash;
}

function numberHeader(value: string | null): number | undefined {
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

export function toMiB(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
