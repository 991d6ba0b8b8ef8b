import { createHash } from 'node:crypto';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { vmError } from '../vms/errors';
import { checksumFor, fileNameOf, parseChecksumFile, pathBelow, type Digest } from './checksums';
import type { DownloadOptions } from './download';
import { mirrorError } from './mirror-messages';
import { mirroredUrl } from './mirrors';

/** An artifact named by a project's checksum file rather than a literal sha256. */
export interface PinnedArtifact {
  url: string;
  checksums: string;
}

/**
 * The digest read from a checksum file for one artifact, remembered as a "pin" in
 * `<cache>/pins/<sha256 of checksums URL and url>.json`, so a cached image keeps working offline.
 */
export class ChecksumPins {
  constructor(private readonly dir: string) {}

  pathOf({ checksums, url }: PinnedArtifact): string {
    const name = createHash('sha256').update(`${checksums}\n${url}`).digest('hex');
    return join(this.dir, 'pins', `${name}.json`);
  }

  async read(artifact: PinnedArtifact): Promise<Digest | undefined> {
    try {
      const pin = JSON.parse(await readFile(this.pathOf(artifact), 'utf8')) as Partial<Digest>;
      if ((pin.algorithm === 'sha256' || pin.algorithm === 'sha512') && typeof pin.hex === 'string')
        return { algorithm: pin.algorithm, hex: pin.hex };
    } catch {
      // no pin yet
    }
    return undefined;
  }

  async forget(artifact: PinnedArtifact): Promise<void> {
    await unlink(this.pathOf(artifact)).catch(() => undefined);
  }

  /**
   * The line for the artifact's file name in its checksum file (through the HTTP mirror when one is
   * set), pinned for next time. Offline, `cached` decides whether the pinned digest stands in.
   */
  async fetch(
    artifact: PinnedArtifact,
    mirror: string | undefined,
    cached: (pinned: Digest) => Promise<boolean>,
    options: Pick<DownloadOptions, 'signal' | 'fetch'>,
  ): Promise<Digest> {
    const file = fileNameOf(artifact.url);
    const checksumsUrl = mirror ? mirroredUrl(mirror, artifact.checksums) : artifact.checksums;
    let text: string;
    try {
      text = await fetchText(checksumsUrl, options);
    } catch (error) {
      const pinned = await this.read(artifact);
      if (pinned && (await cached(pinned))) return pinned;
      if (options.signal?.aborted) throw vmError('downloadCancelled');
      if (mirror) {
        const params = { mirror, url: checksumsUrl, detail: describe(error) };
        throw error instanceof HttpStatusError
          ? mirrorError('missing', params)
          : mirrorError('unreachable', params);
      }
      throw vmError('checksumFileUnreachable', { url: artifact.checksums, detail: describe(error) });
    }
    const { checksums } = artifact;
    const lookup = checksumFor(parseChecksumFile(text), file, pathBelow(checksums, artifact.url));
    if ('missing' in lookup) throw vmError('checksumNotListed', { checksums, file });
    if ('unsupported' in lookup)
      throw vmError('checksumUnsupported', { checksums, file, algorithms: lookup.unsupported.join(', ') });
    await mkdir(join(this.dir, 'pins'), { recursive: true, mode: 0o755 });
    await writeFile(this.pathOf(artifact), JSON.stringify(lookup.found));
    return lookup.found;
  }
}

/** The server answered, but not with the file. */
class HttpStatusError extends Error {}

async function fetchText(url: string, options: Pick<DownloadOptions, 'signal' | 'fetch'>): Promise<string> {
  const timeout = AbortSignal.timeout(30_000);
  const response = await (options.fetch ?? fetch)(url, {
    redirect: 'follow',
    signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new HttpStatusError(`the server answered ${response.status} ${response.statusText}`.trim());
  }
  return response.text();
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.cause instanceof Error ? error.cause.message : error.message;
  return String(error);
}
