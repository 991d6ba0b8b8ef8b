import { isValidImageReference } from '@shared/image-reference';
import type { ImageScope, TwinlabImage } from '@shared/containers';

export type { ImageScope, TwinlabImage };
import type Docker from 'dockerode';
import { z } from 'zod';
import { describeDockerError, engineApiError } from './docker-errors';
import { LABEL_IMAGE_CREATED, LABEL_IMAGE_TEMPLATE, MANAGED_FILTER, isTwinlabImage } from './labels';
import { assertTwinlabManaged } from './managed-guard';
import { containerError } from './messages';

const imageSummarySchema = z.looseObject({
  Id: z.string(),
  RepoTags: z.array(z.string()).nullish(),
  Size: z.number().catch(0),
  Created: z.number().catch(0),
  Labels: z.record(z.string(), z.string()).nullish(),
});

export function toTwinlabImage(raw: unknown): TwinlabImage {
  const image = imageSummarySchema.parse(raw);
  const labels = image.Labels ?? {};
  const templateId = labels[LABEL_IMAGE_TEMPLATE];
  return {
    id: image.Id,
    // Docker lists untagged images with the placeholder "<none>:<none>".
    tags: (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>'),
    sizeBytes: image.Size,
    createdAt: labels[LABEL_IMAGE_CREATED] ?? new Date(image.Created * 1000).toISOString(),
    managed: isTwinlabImage(labels),
    ...(templateId !== undefined && { templateId }),
  };
}

export async function listImages(docker: Docker, scope: ImageScope = 'twinlab'): Promise<TwinlabImage[]> {
  const [raw, used] = await Promise.all([docker.listImages(), imagesInUse(docker)]);
  return raw
    .map((each) => ({ ...toTwinlabImage(each), inUse: used.get(imageSummarySchema.parse(each).Id) ?? 0 }))
    .filter(
      (image) =>
        (image.tags.length > 0 || image.managed) && (scope === 'all' || image.managed || image.inUse > 0),
    );
}

/**
 * How many of Twinlab's containers run from each image id: Twinlab's own images, and the ones it
 * only uses (a fixture or an image the user had), belong in its list too.
 */
async function imagesInUse(docker: Docker): Promise<Map<string, number>> {
  const containers = await docker.listContainers({ all: true, filters: { label: [MANAGED_FILTER] } });
  const counts = new Map<string, number>();
  for (const container of containers) counts.set(container.ImageID, (counts.get(container.ImageID) ?? 0) + 1);
  return counts;
}

/** The labels of a local image, or undefined when it is not on this host. */
export async function imageLabels(
  docker: Docker,
  image: string,
): Promise<Record<string, string> | undefined> {
  // Not a reference, so not an image Docker has; and never a request path: Docker answers a
  // decoded "/" or ".." with a redirect that docker-modem follows to a host named by the text,
  // failing outside any promise (found by the API fuzz test with image "/etc/shadow").
  if (!isValidImageReference(image)) return undefined;
  try {
    const info = await docker.getImage(imagePathSegment(image)).inspect();
    return info.Config.Labels ?? {};
  } catch (error) {
    if (describeDockerError(error).statusCode === 404) return undefined;
    throw error;
  }
}

export async function imageExists(docker: Docker, image: string): Promise<boolean> {
  return (await imageLabels(docker, image)) !== undefined;
}

/**
 * Removes one of Twinlab's images (refused for any other). Its untagged parents go with it, which
 * also cleans up the original layers a labelled copy was built on.
 */
export async function removeTwinlabImage(docker: Docker, image: string): Promise<void> {
  const labels = await imageLabels(docker, image);
  if (labels === undefined) throw containerError('image.notFound', { image });
  assertTwinlabManaged('image', image, labels);
  await removeImageUnguarded(docker, image);
}

/** Removal without the label check, for rollback of an image this very call pulled. */
export async function removeImageUnguarded(docker: Docker, image: string): Promise<void> {
  try {
    await docker.getImage(imagePathSegment(image)).remove({ noprune: false });
  } catch (error) {
    const failure = describeDockerError(error);
    const engine = engineApiError(failure);
    if (engine) throw engine;
    if (failure.statusCode === 404) throw containerError('image.notFound', { image });
    if (failure.statusCode === 409) throw containerError('image.inUse', { image });
    throw containerError('engine.failed', { detail: failure.detail });
  }
}

/**
 * An image reference as one segment of a Docker API path. dockerode pastes names into paths as
 * they are; encoded, a reference can only ever name an image (Docker decodes `/`, `:` and `@`).
 */
export function imagePathSegment(image: string): string {
  return encodeURIComponent(image);
}
