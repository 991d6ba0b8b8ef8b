import type Docker from 'dockerode';
import { containerApiError } from '../engines/docker/docker-errors';
import {
  importImageArchive,
  type ImportedImage,
  type ImportImageInput,
} from '../engines/docker/image-import';
import { pullImage } from '../engines/docker/image-pull';
import {
  imageExists,
  listImages,
  removeTwinlabImage,
  type ImageScope,
  type TwinlabImage,
} from '../engines/docker/images';
import type { PullProgress } from '../engines/docker/pull-progress';
import type { ImagePuller } from '../images/image-puller';

export interface ImageServiceOptions {
  docker: () => Docker;
  now?: () => Date;
  /** Pulls through the registry mirror in use; a plain pull without it. */
  puller?: ImagePuller;
}

export interface ImageOperationOptions {
  signal?: AbortSignal;
}

/**
 * Images for the lab: pull with one progress, offline import of tarballs as labelled images,
 * and list/remove of Twinlab's own. Images pulled from a registry keep the registry's content
 * and so carry no Twinlab label; only imported images are Twinlab's to remove.
 */
export class ImageService {
  readonly #docker: () => Docker;
  readonly #now: () => Date;
  readonly #puller: ImagePuller | undefined;

  constructor(options: ImageServiceOptions) {
    this.#docker = options.docker;
    this.#now = options.now ?? (() => new Date());
    this.#puller = options.puller;
  }

  async list(scope: ImageScope = 'twinlab'): Promise<TwinlabImage[]> {
    try {
      return await listImages(this.#docker(), scope);
    } catch (error) {
      throw containerApiError(error, '');
    }
  }

  /** Whether Docker holds the image (any image, Twinlab's or not: it is only read). */
  has(image: string): Promise<boolean> {
    return imageExists(this.#docker(), image).catch(() => false);
  }

  pull(
    image: string,
    options: ImageOperationOptions & { onProgress?: (progress: PullProgress) => void } = {},
  ): Promise<PullProgress> {
    return this.#puller
      ? this.#puller.pull(this.#docker(), image, options)
      : pullImage(this.#docker(), image, options);
  }

  import(input: ImportImageInput, options: ImageOperationOptions = {}): Promise<ImportedImage> {
    return importImageArchive(this.#docker(), input, { ...options, now: this.#now });
  }

  remove(image: string): Promise<void> {
    return removeTwinlabImage(this.#docker(), image);
  }
}
