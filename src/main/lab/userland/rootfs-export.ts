import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { asReadable } from '../engines/docker/readable';

/** Marks the short-lived container an export makes; it is never started and removed at once. */
export const LABEL_EXPORT = 'io.twinlab.rootfs-export';

export interface ImageFacts {
  id: string;
  architecture: string;
  sizeBytes: number;
}

/** The image as Docker has it, or undefined when it is not on this host. */
export async function inspectImage(docker: Docker, image: string): Promise<ImageFacts | undefined> {
  try {
    const info = await docker.getImage(image).inspect();
    return { id: info.Id, architecture: info.Architecture, sizeBytes: info.Size };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return undefined;
    throw error;
  }
}

/**
 * Writes an image's flattened root filesystem as a tarball: Docker has no "export image", so a
 * container is created (never started) and exported, then removed whatever happens.
 */
export async function exportImageRootfs(
  docker: Docker,
  image: string,
  tarFile: string,
  signal?: AbortSignal,
): Promise<void> {
  const container = await docker.createContainer({
    Image: image,
    // Docker refuses to create a container without a command; this one is never run.
    Cmd: ['/bin/sh'],
    Labels: { [LABEL_EXPORT]: 'true' },
    HostConfig: { NetworkMode: 'none' },
  });
  try {
    const stream = asReadable(await container.export());
    await pipeline(stream, createWriteStream(tarFile, { mode: 0o600 }), { ...(signal && { signal }) });
  } finally {
    await container.remove({ force: true, v: true });
  }
}
