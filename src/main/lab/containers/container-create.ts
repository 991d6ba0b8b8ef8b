import type Docker from 'dockerode';
import { ApiError, type ErrorCode } from '@shared/errors';
import type { Guest } from '@shared/guest';
import type { ContainerCreateSpec, CreateTraits } from '../engines/docker/container-spec';
import { containerCreateOptions } from '../engines/docker/create-options';
import { describeDockerError, engineApiError, isNotFound } from '../engines/docker/docker-errors';
import { containerGuest } from '../engines/docker/guest-mapper';
import { pullImage } from '../engines/docker/image-pull';
import { removeImageUnguarded } from '../engines/docker/images';
import { twinlabLabels } from '../engines/docker/labels';
import { containerError, containerErrorCode, containerErrorWith } from '../engines/docker/messages';
import type { PullProgress } from '../engines/docker/pull-progress';
import type { ImagePuller } from '../images/image-puller';
import type { Logger } from '../log';
import type { ContainerHostFacts, SpecProblem } from './validate';

export interface CreateOptions {
  signal?: AbortSignal;
  /** Progress of the image download, when create has to pull. */
  onPullProgress?: (progress: PullProgress) => void;
  /** Each stage as it begins, for one progress view over the whole create. */
  onStep?: (step: 'pulling' | 'creating' | 'starting') => void;
  /** Runs between create and start, e.g. to attach a console that must see the first output. */
  beforeStart?: (containerId: string) => Promise<void>;
}

export interface ContainerCreateDeps {
  puller: ImagePuller | undefined;
  log: Logger | undefined;
  /** Host facts and the problems validation finds with them. */
  check: (
    docker: Docker,
    spec: ContainerCreateSpec,
  ) => Promise<{ facts: ContainerHostFacts; problems: SpecProblem[] }>;
  traits: (spec: ContainerCreateSpec, facts: ContainerHostFacts) => CreateTraits;
}

/** What one create call made, so a failure half way can remove exactly that. */
interface CreatedSoFar {
  pulledImage?: string;
  volumes: string[];
  container?: Docker.Container;
}

/**
 * A validation problem as the error that refuses the create: a clash with something existing (a
 * taken name or port) is a conflict, a wrong value bad input, as the container catalog says.
 */
export function problemError(problem: SpecProblem): ApiError {
  return new ApiError(containerErrorCode(problem.key), problem.key, problem.message, {
    ...problem.params,
    field: problem.field,
  });
}

/**
 * Creates and starts one container. Validation runs first; a failure after that removes what
 * this call created (container, named volumes it made, an image it pulled) before it rejects.
 */
export async function createContainer(
  deps: ContainerCreateDeps,
  docker: Docker,
  spec: ContainerCreateSpec,
  options: CreateOptions = {},
): Promise<Guest> {
  const { signal, onPullProgress, onStep, beforeStart } = options;
  const { facts, problems } = await deps.check(docker, spec);
  const first = problems[0];
  if (first) throw problemError(first);
  const traits = deps.traits(spec, facts);
  const created: CreatedSoFar = { volumes: [] };
  const checkCancelled = () => {
    if (signal?.aborted) throw containerError('create.cancelled', { name: spec.name });
  };
  try {
    if (!facts.imagePresent) {
      onStep?.('pulling');
      const pullOptions = {
        ...(signal && { signal }),
        ...(onPullProgress && { onProgress: onPullProgress }),
      };
      await (deps.puller
        ? deps.puller.pull(docker, spec.image, pullOptions)
        : pullImage(docker, spec.image, pullOptions));
      created.pulledImage = spec.image;
    }
    checkCancelled();
    for (const volume of spec.volumes ?? []) {
      if (volume.name !== undefined && (await createVolumeIfMissing(docker, volume.name, spec, traits))) {
        created.volumes.push(volume.name);
      }
    }
    checkCancelled();
    onStep?.('creating');
    created.container = await docker.createContainer(containerCreateOptions(spec, traits));
    await beforeStart?.(created.container.id);
    checkCancelled();
    onStep?.('starting');
    try {
      await created.container.start();
    } catch (error) {
      const failure = describeDockerError(error);
      throw (
        engineApiError(failure) ??
        containerErrorWith({ code: codeFor(failure.statusCode) }, 'create.startFailed', {
          name: spec.name,
          detail: failure.detail,
        })
      );
    }
    return containerGuest(await created.container.inspect());
  } catch (error) {
    await rollback(docker, created, deps.log);
    if (signal?.aborted) throw containerError('create.cancelled', { name: spec.name });
    throw createApiError(error, spec.name);
  }
}

/** Creates a named volume with Twinlab's labels unless it exists; true when this call made it. */
async function createVolumeIfMissing(
  docker: Docker,
  name: string,
  spec: ContainerCreateSpec,
  traits: CreateTraits,
): Promise<boolean> {
  try {
    await docker.getVolume(name).inspect();
    return false;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  await docker.createVolume({
    Name: name,
    Labels: twinlabLabels({
      templateId: spec.templateId,
      twinId: spec.twinId,
      createdAt: traits.createdAt,
    }),
  });
  return true;
}

async function rollback(docker: Docker, created: CreatedSoFar, log: Logger | undefined): Promise<void> {
  const attempt = async (what: string, undo: () => Promise<unknown>) => {
    try {
      await undo();
    } catch (error) {
      if (!isNotFound(error))
        log?.warn(`rollback: could not remove ${what}: ${describeDockerError(error).detail}`);
    }
  };
  const container = created.container;
  if (container) await attempt(`container ${container.id}`, () => container.remove({ force: true, v: true }));
  for (const volume of created.volumes)
    await attempt(`volume ${volume}`, () => docker.getVolume(volume).remove());
  const image = created.pulledImage;
  if (image) await attempt(`image ${image}`, () => removeImageUnguarded(docker, image));
}

function codeFor(statusCode: number | undefined): ErrorCode {
  return statusCode !== undefined && statusCode >= 400 && statusCode < 500 ? 'bad-input' : 'internal';
}

function createApiError(error: unknown, name: string): ApiError {
  if (error instanceof ApiError) return error;
  const failure = describeDockerError(error);
  const engine = engineApiError(failure);
  if (engine) return engine;
  if (failure.statusCode === 409) return containerError('validate.nameTaken', { name });
  return containerErrorWith({ code: codeFor(failure.statusCode) }, 'create.failed', {
    name,
    detail: failure.detail,
  });
}
