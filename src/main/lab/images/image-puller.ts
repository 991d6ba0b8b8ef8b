import type Docker from 'dockerode';
import { ApiError } from '@shared/errors';
import { parseImageReference, registryAddress } from '@shared/image-reference';
import { pullImage, type PullOptions } from '../engines/docker/image-pull';
import type { PullProgress } from '../engines/docker/pull-progress';
import { loadFromShare, sharedImageArchive } from '../sharing/share-client';
import { mirrorError } from './mirror-messages';
import { dockerUsesMirror, hubRepository, mirroredImage } from './mirrors';

/** How one Docker Hub image is pulled: by its own name, or by Twinlab through a registry mirror. */
export type PullRoute =
  | { kind: 'direct'; image: string }
  /** dockerd pulls Docker Hub names through this mirror itself ("registry-mirrors"). */
  | { kind: 'docker-mirror'; image: string; mirror: string }
  /** Twinlab pulls `mirror/library/NAME:TAG` and tags it with the Docker Hub name. */
  | { kind: 'twinlab-mirror'; image: string; mirror: string; mirrored: string };

export interface ImagePullerDeps {
  /** The registry mirror (host:port) of the mirror setting in use, read at every pull. */
  registryMirror: () => Promise<string | undefined>;
  /** The HTTP mirror in use: when it is another Twinlab's "Share my images", images come from it. */
  httpMirror?: () => Promise<string | undefined>;
}

/** Pulls container images, through the registry mirror when one is set; the one place images are pulled. */
export class ImagePuller {
  constructor(private readonly deps: ImagePullerDeps) {}

  async route(docker: Docker, image: string): Promise<PullRoute> {
    const mirror = await this.deps.registryMirror();
    if (mirror === undefined || hubRepository(image) === undefined) {
      const viaDocker = hubRepository(image) !== undefined ? (await dockerMirrors(docker))[0] : undefined;
      return viaDocker ? { kind: 'docker-mirror', image, mirror: viaDocker } : { kind: 'direct', image };
    }
    if (dockerUsesMirror(await dockerMirrors(docker), mirror))
      return { kind: 'docker-mirror', image, mirror };
    const mirrored = mirroredImage(mirror, image);
    return mirrored ? { kind: 'twinlab-mirror', image, mirror, mirrored } : { kind: 'direct', image };
  }

  async #fromShare(docker: Docker, image: string, options: PullOptions): Promise<PullProgress | undefined> {
    const mirror = await this.deps.httpMirror?.();
    return mirror === undefined ? undefined : fromShareArchive(docker, mirror, image, options);
  }

  /** Where a pull of `image` would go, for validation's "is a registry reachable" probe. */
  async registryOf(docker: Docker, image: string): Promise<{ host: string; port: number } | undefined> {
    const route = await this.route(docker, image);
    if (route.kind === 'direct') {
      const reference = parseImageReference(image);
      return reference && registryAddress(reference);
    }
    const { hostname, port } = new URL(
      route.mirror.includes('://') ? route.mirror : `http://${route.mirror}`,
    );
    return { host: hostname.replace(/^\[|\]$/g, ''), port: port ? Number(port) : 80 };
  }

  async pull(docker: Docker, image: string, options: PullOptions = {}): Promise<PullProgress> {
    const shared = await this.#fromShare(docker, image, options);
    if (shared) return shared;
    const route = await this.route(docker, image);
    if (route.kind !== 'twinlab-mirror') {
      try {
        return await pullImage(docker, image, options);
      } catch (error) {
        throw route.kind === 'docker-mirror' ? asMirrorError(error, route.mirror, image) : error;
      }
    }
    let progress: PullProgress;
    try {
      progress = await pullImage(docker, route.mirrored, options);
    } catch (error) {
      throw asMirrorError(error, route.mirror, image);
    }
    // Tag under the Docker Hub name templates use, then drop the mirror's name (only a tag: the
    // image keeps the Hub name, so nothing is deleted).
    const reference = parseImageReference(image);
    const pulled = docker.getImage(route.mirrored);
    await pulled.tag({ repo: hubRepository(image) ?? image, tag: reference?.tag ?? 'latest' });
    await pulled.remove({ noprune: true });
    return progress;
  }
}

/**
 * A workshop room's share holds the image as a `docker save` archive: loading it needs no registry.
 * Undefined when the HTTP mirror is not a share or does not have the image.
 */
async function fromShareArchive(
  docker: Docker,
  mirror: string,
  image: string,
  { signal, onProgress }: PullOptions,
): Promise<PullProgress | undefined> {
  const archive = await sharedImageArchive(mirror, image, signal);
  if (!archive) return undefined;
  const loading: PullProgress = {
    phase: 'downloading',
    layersTotal: 0,
    layersDone: 0,
    bytesDone: 0,
    bytesTotal: 0,
    percent: 0,
    status: `Loading from ${mirror}`,
  };
  onProgress?.(loading);
  try {
    await loadFromShare(docker, archive, signal);
  } catch (error) {
    throw mirrorError('shareLoadFailed', {
      mirror,
      image,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  const done: PullProgress = { ...loading, phase: 'done', percent: 100, status: `Loaded from ${mirror}` };
  onProgress?.(done);
  return done;
}

/** The registry mirrors dockerd pulls Docker Hub names through ("registry-mirrors" in daemon.json). */
export async function dockerMirrors(docker: Docker): Promise<string[]> {
  const info = (await docker.info().catch(() => undefined)) as
    { RegistryConfig?: { Mirrors?: string[] | null } } | undefined;
  return info?.RegistryConfig?.Mirrors ?? [];
}

/** Unreachable or missing at the mirror: say so, naming the mirror, instead of blaming Docker Hub. */
function asMirrorError(error: unknown, mirror: string, image: string): unknown {
  if (!(error instanceof ApiError)) return error;
  const detail = String(error.params?.['detail'] ?? error.message);
  if (error.key === 'containers.image.pullUnreachable')
    return mirrorError('registryUnreachable', { mirror, image, detail });
  if (error.key === 'containers.image.pullNotFound')
    return mirrorError('registryMissing', { mirror, image, detail });
  return error;
}
