import type Docker from 'dockerode';
import { containerApiError } from '../../engines/docker/docker-errors';
import { LABEL_MANAGED, LABEL_TWIN } from '../../engines/docker/labels';
import { assertTwinlabManaged } from '../../engines/docker/managed-guard';

/** Labels of a checkpoint image: which twin, lesson and step it keeps. */
export const LABEL_CHECKPOINT_TWIN = 'io.twinlab.checkpoint.twin';
export const LABEL_CHECKPOINT_LESSON = 'io.twinlab.checkpoint.lesson';
export const LABEL_CHECKPOINT_STEP = 'io.twinlab.checkpoint.step';

export interface CheckpointKey {
  twinId: string;
  lessonId: string;
  stepId: string;
}

/** twinlab-checkpoint/<twin>:<lesson>.<step>.<container> — one image per container and step. */
export function checkpointImageRef(key: CheckpointKey, containerName: string): string {
  const tag = `${key.lessonId}.${key.stepId}.${containerName}`.replace(/[^\w.-]/g, '-').slice(0, 128);
  return `twinlab-checkpoint/${key.twinId.toLowerCase()}:${tag}`;
}

/**
 * `docker commit` of one of Twinlab's containers (paused for the copy, so the files are consistent).
 * The image drops the container's io.twinlab.managed label: a user's own `docker run` of it must not
 * look like Twinlab's (labels.ts). Answers the image reference.
 */
export async function commitContainer(docker: Docker, id: string, key: CheckpointKey): Promise<string> {
  const { container, name } = await managedContainer(docker, id);
  const ref = checkpointImageRef(key, name);
  const [repo, tag] = ref.split(':') as [string, string];
  const labels = [
    `${LABEL_MANAGED}=""`,
    `${LABEL_TWIN}=""`,
    `${LABEL_CHECKPOINT_TWIN}=${JSON.stringify(key.twinId)}`,
    `${LABEL_CHECKPOINT_LESSON}=${JSON.stringify(key.lessonId)}`,
    `${LABEL_CHECKPOINT_STEP}=${JSON.stringify(key.stepId)}`,
  ];
  try {
    await container.commit({ repo, tag, pause: true, changes: `LABEL ${labels.join(' ')}` });
  } catch (error) {
    throw containerApiError(error, name);
  }
  return ref;
}

/**
 * Replaces the container by a new one made from the checkpoint image with the same name, settings
 * and labels (so it stays the same part of the same twin) and starts it. The old one is renamed
 * aside until the new one runs: a failure half way removes the new one and puts the old one back.
 * Answers the new container's id.
 */
export async function recreateFromImage(docker: Docker, id: string, image: string): Promise<string> {
  const { container, name, inspect } = await managedContainer(docker, id);
  const aside = `${name}-before-restore`;
  try {
    await container.rename({ name: aside });
    await container.kill().catch(() => undefined); // already stopped is fine
  } catch (error) {
    throw containerApiError(error, name);
  }
  let created: Docker.Container | undefined;
  try {
    created = await docker.createContainer({
      ...inspect.Config,
      name,
      Image: image,
      HostConfig: inspect.HostConfig,
    });
    await created.start();
  } catch (error) {
    await created?.remove({ force: true }).catch(() => undefined);
    await container.rename({ name }).catch(() => undefined);
    await container.start().catch(() => undefined);
    throw containerApiError(error, name);
  }
  await container.remove({ force: true, v: true }).catch(() => undefined);
  return created.id;
}

/** Removes the checkpoint images of a twin (all steps, or one); an image a container still runs from stays. */
export async function removeCheckpointImages(
  docker: Docker,
  twinId: string,
  only?: { lessonId: string; stepId: string },
): Promise<void> {
  const label = [
    `${LABEL_CHECKPOINT_TWIN}=${twinId}`,
    ...(only
      ? [`${LABEL_CHECKPOINT_LESSON}=${only.lessonId}`, `${LABEL_CHECKPOINT_STEP}=${only.stepId}`]
      : []),
  ];
  const images = await docker.listImages({ filters: { label } });
  for (const image of images) {
    for (const tag of image.RepoTags ?? [image.Id])
      await docker
        .getImage(tag)
        .remove()
        .catch(() => undefined); // in use by the running container: it goes with the twin
  }
}

async function managedContainer(docker: Docker, id: string) {
  const container = docker.getContainer(id);
  let inspect: Docker.ContainerInspectInfo;
  try {
    inspect = await container.inspect();
  } catch (error) {
    throw containerApiError(error, id);
  }
  const name = inspect.Name.replace(/^\//, '');
  assertTwinlabManaged('container', name, inspect.Config.Labels ?? {});
  return { container, name, inspect };
}
