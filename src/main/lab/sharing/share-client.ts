import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import type Docker from 'dockerode';
import { z } from 'zod';
import { readJsonLines } from '../engines/docker/json-lines';
import { asReadable } from '../engines/docker/readable';
import { SHARE_INDEX_PATH } from './share-plan';

const shareIndexSchema = z.object({
  version: z.literal(1),
  images: z.array(z.object({ image: z.string(), path: z.string().startsWith('/') })),
});

/**
 * The receiving side of "Share my images" for container images. Where the mirror is another
 * Twinlab's share holding the image, the address of its `docker save` archive; undefined when the
 * mirror is not a share or lacks the image, so that a normal pull can follow.
 */
export async function sharedImageArchive(
  mirror: string,
  image: string,
  signal?: AbortSignal,
): Promise<URL | undefined> {
  const index = await fetch(new URL(SHARE_INDEX_PATH, mirror), { ...(signal && { signal }) }).catch(
    () => undefined,
  );
  if (!index?.ok) {
    // Never left paused: undici crashes when the server then closes the socket (nodejs/undici#5360).
    await index?.body?.cancel();
    return undefined;
  }
  const parsed = shareIndexSchema.safeParse(await index.json().catch(() => undefined));
  const entry = parsed.success ? parsed.data.images.find((offered) => offered.image === image) : undefined;
  return entry && new URL(entry.path, mirror);
}

/** Loads a `docker save` archive into Docker (its tags come with it), failing on Docker's own error line. */
export async function loadImageArchive(docker: Docker, archive: Readable, what: string): Promise<void> {
  const output = asReadable(await docker.loadImage(archive, { quiet: true }));
  await readJsonLines(output, (line) => {
    const error = (line as { error?: unknown }).error;
    if (typeof error === 'string') throw new Error(`docker load of ${what}: ${error}`);
  });
}

/** Fetches a shared image's archive and loads it. */
export async function loadFromShare(docker: Docker, archive: URL, signal?: AbortSignal): Promise<void> {
  const response = await fetch(archive, { ...(signal && { signal }) });
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new Error(`${archive.href} answered ${response.status}`);
  }
  await loadImageArchive(docker, Readable.fromWeb(response.body as ReadableStream<Uint8Array>), archive.href);
}
