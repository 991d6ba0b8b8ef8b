import Docker from 'dockerode';
import { ContainerService } from '../../../src/main/lab/containers/container-service';
import { ImageService } from '../../../src/main/lab/containers/image-service';
import {
  containerCreateSpecSchema,
  type ContainerCreateSpec,
  type ContainerCreateSpecInput,
} from '../../../src/main/lab/engines/docker/container-spec';
import { createLogger } from '../../../src/main/lab/log';

export const FIXTURE_IMAGE = 'twinlab-fixture/busybox:1';

/** A client of its own with no timeout (streams), like the lab's main client. */
export const docker = new Docker({
  socketPath: process.env['TWINLAB_DOCKER_SOCKET'] ?? '/var/run/docker.sock',
});

/** Everything a test file makes is named with this prefix, so cleanup finds it and nothing else. */
export function runPrefix(suite: string): string {
  return `twinlab-it-${suite}-${process.pid}-${Date.now().toString(36)}`;
}

export function services() {
  const log = createLogger('containers-it', 'error');
  return {
    containers: new ContainerService({ docker: () => docker, log }),
    images: new ImageService({ docker: () => docker }),
  };
}

export function specOf(input: Partial<ContainerCreateSpecInput> & { name: string }): ContainerCreateSpec {
  return containerCreateSpecSchema.parse({ image: FIXTURE_IMAGE, templateId: 'fixture-busybox', ...input });
}

/** Status code of a dockerode failure, or undefined when the call worked. */
export async function statusOf(call: Promise<unknown>): Promise<number | undefined> {
  try {
    await call;
    return undefined;
  } catch (error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number') return status;
    throw error;
  }
}

export async function containerNamesWithPrefix(prefix: string): Promise<string[]> {
  const all = await docker.listContainers({ all: true });
  return all
    .flatMap((container) => container.Names.map((name) => name.replace(/^\//, '')))
    .filter((name) => name.startsWith(prefix));
}

/** Removes containers, images and volumes named with the prefix; other people's things are never touched. */
export async function cleanUp(prefix: string): Promise<void> {
  for (const name of await containerNamesWithPrefix(prefix)) {
    await docker
      .getContainer(name)
      .remove({ force: true, v: true })
      .catch(() => undefined);
  }
  const images = await docker.listImages();
  for (const image of images) {
    for (const tag of image.RepoTags ?? []) {
      if (tag.startsWith(prefix))
        await docker
          .getImage(tag)
          .remove({ force: true })
          .catch(() => undefined);
    }
  }
  const { Volumes } = await docker.listVolumes();
  for (const volume of Volumes ?? []) {
    if (volume.Name.startsWith(prefix))
      await docker
        .getVolume(volume.Name)
        .remove()
        .catch(() => undefined);
  }
}

export interface RawEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
}

/** Records Docker's raw container and volume events from now until stop(). */
export async function recordEvents(): Promise<{ events: RawEvent[]; stop: () => Promise<void> }> {
  const events: RawEvent[] = [];
  const stream = (await docker.getEvents({
    filters: { type: ['container', 'volume'] },
  })) as NodeJS.ReadableStream & {
    destroy(): void;
  };
  let buffered = '';
  stream.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) events.push(JSON.parse(line) as RawEvent);
    }
  });
  return {
    events,
    async stop() {
      // Docker delivers an event a moment after the call that caused it returned.
      await new Promise((resolve) => setTimeout(resolve, 300));
      stream.destroy();
    },
  };
}
