import type { ContainerPreview } from '@shared/containers';

export type { ContainerPreview };
import type Docker from 'dockerode';
import type { Guest } from '@shared/guest';
import { ApiError, type ErrorCode } from '@shared/errors';
import { containerCreateOptions } from '../engines/docker/create-options';
import type { ContainerCreateSpec, CreateTraits } from '../engines/docker/container-spec';
import {
  containerApiError,
  describeDockerError,
  engineApiError,
  isNotFound,
  isNotModified,
} from '../engines/docker/docker-errors';
import { dockerRunCommand } from '../engines/docker/docker-run-command';
import { DockerEventWatcher, type WatchSignal } from '../engines/docker/event-watcher';
import { execCollect, type ExecResult } from '../engines/docker/exec';
import { containerGuest, inspectLabels } from '../engines/docker/guest-mapper';
import { pullImage } from '../engines/docker/image-pull';
import type { ImagePuller } from '../images/image-puller';
import { removeImageUnguarded } from '../engines/docker/images';
import { twinlabLabels } from '../engines/docker/labels';
import { assertTwinlabManaged } from '../engines/docker/managed-guard';
import { containerError } from '../engines/docker/messages';
import type { PullProgress } from '../engines/docker/pull-progress';
import { readStatsOnce, streamStats, type ContainerStatsSample } from '../engines/docker/stats';
import type { Logger } from '../log';
import { collectContainerHostFacts } from './host-facts';
import { validateContainerSpec, type ContainerHostFacts, type SpecProblem } from './validate';

export interface ContainerServiceOptions {
  /** The current client: DockerConnection replaces it when the endpoint changes. */
  docker: () => Docker;
  now?: () => Date;
  log?: Logger;
  /** Host facts for validation; real checks unless a test of the flow replaces them. */
  hostFacts?: (docker: Docker, spec: ContainerCreateSpec) => Promise<ContainerHostFacts>;
  /** Pulls through the registry mirror in use; a plain pull without it. */
  puller?: ImagePuller;
}

export interface CreateOptions {
  signal?: AbortSignal;
  /** Progress of the image download, when create has to pull. */
  onPullProgress?: (progress: PullProgress) => void;
  /** Each stage as it begins, for one progress view over the whole create. */
  onStep?: (step: 'pulling' | 'creating' | 'starting') => void;
  /** Runs between create and start, e.g. to attach a console that must see the first output. */
  beforeStart?: (containerId: string) => Promise<void>;
}

export interface StopOptions {
  /** Seconds Docker waits after SIGTERM before SIGKILL (a shell as PID 1 ignores SIGTERM). */
  timeoutSeconds?: number;
}

/** What one create call made, so a failure half way can remove exactly that. */
interface CreatedSoFar {
  pulledImage?: string;
  volumes: string[];
  container?: Docker.Container;
}

/** Problems that are about a clash with something existing rather than a wrong value. */
const CONFLICT_KEYS = new Set(['containers.validate.nameTaken', 'containers.validate.hostPortInUse']);

/**
 * Twinlab's containers on Docker: validate → (pull) → create → start with rollback, lifecycle,
 * listing as guests, inspect, stats, exec and the event stream. Every mutation goes through the
 * label guard first; other containers are only ever read.
 */
export class ContainerService {
  readonly #docker: () => Docker;
  readonly #now: () => Date;
  readonly #log: Logger | undefined;
  readonly #hostFacts: (docker: Docker, spec: ContainerCreateSpec) => Promise<ContainerHostFacts>;
  readonly #puller: ImagePuller | undefined;

  constructor(options: ContainerServiceOptions) {
    this.#docker = options.docker;
    this.#now = options.now ?? (() => new Date());
    this.#log = options.log;
    this.#puller = options.puller;
    this.#hostFacts =
      options.hostFacts ?? ((docker, spec) => collectContainerHostFacts(docker, spec, options.puller));
  }

  async validate(spec: ContainerCreateSpec): Promise<SpecProblem[]> {
    return (await this.#check(this.#docker(), spec)).problems;
  }

  async preview(spec: ContainerCreateSpec): Promise<ContainerPreview> {
    const { facts, problems } = await this.#check(this.#docker(), spec);
    const traits = this.#traits(spec, facts);
    return {
      dockerRun: dockerRunCommand(spec, traits),
      dockerRunMultiline: dockerRunCommand(spec, traits, { multiline: true }),
      problems,
    };
  }

  /**
   * Creates and starts one container. Validation runs first; a failure after that removes what
   * this call created (container, named volumes it made, an image it pulled) before it rejects.
   */
  async create(spec: ContainerCreateSpec, options: CreateOptions = {}): Promise<Guest> {
    const { signal, onPullProgress, onStep, beforeStart } = options;
    const docker = this.#docker();
    const { facts, problems } = await this.#check(docker, spec);
    const first = problems[0];
    if (first) {
      const code: ErrorCode = CONFLICT_KEYS.has(first.key) ? 'conflict' : 'bad-input';
      throw new ApiError(code, first.key, first.message, { ...first.params, field: first.field });
    }
    const traits = this.#traits(spec, facts);
    const created: CreatedSoFar = { volumes: [] };
    const checkCancelled = () => {
      if (signal?.aborted)
        throw containerError('conflict', 'containers.create.cancelled', { name: spec.name });
    };
    try {
      if (!facts.imagePresent) {
        onStep?.('pulling');
        const pullOptions = {
          ...(signal && { signal }),
          ...(onPullProgress && { onProgress: onPullProgress }),
        };
        await (this.#puller
          ? this.#puller.pull(docker, spec.image, pullOptions)
          : pullImage(docker, spec.image, pullOptions));
        created.pulledImage = spec.image;
      }
      checkCancelled();
      for (const volume of spec.volumes ?? []) {
        if (
          volume.name !== undefined &&
          (await this.#createVolumeIfMissing(docker, volume.name, spec, traits))
        ) {
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
          containerError(codeFor(failure.statusCode), 'containers.create.startFailed', {
            name: spec.name,
            detail: failure.detail,
          })
        );
      }
      return containerGuest(await created.container.inspect());
    } catch (error) {
      await this.#rollback(docker, created);
      if (signal?.aborted)
        throw containerError('conflict', 'containers.create.cancelled', { name: spec.name });
      throw createApiError(error, spec.name);
    }
  }

  async start(id: string): Promise<void> {
    await this.#mutate(id, (container) => container.start());
  }

  async stop(id: string, options: StopOptions = {}): Promise<void> {
    await this.#mutate(id, (container) => container.stop(stopQuery(options)));
  }

  async restart(id: string, options: StopOptions = {}): Promise<void> {
    await this.#mutate(id, (container) => container.restart(stopQuery(options)));
  }

  async pause(id: string): Promise<void> {
    await this.#mutate(id, (container) => container.pause());
  }

  async resume(id: string): Promise<void> {
    await this.#mutate(id, (container) => container.unpause());
  }

  /** Removes the container and its anonymous volumes; named volumes stay (that is what they are for). */
  async remove(id: string): Promise<void> {
    await this.#mutate(id, (container) => container.remove({ force: true, v: true }));
  }

  /** Refuses a container Twinlab did not make, as every mutation does (consoles check it too). */
  async assertManaged(id: string): Promise<void> {
    await this.#managed(id);
  }

  /** Runs a short command without a terminal (e.g. `uname -r` for the Compare view). */
  async exec(id: string, command: string[]): Promise<ExecResult> {
    const { container, name } = await this.#managed(id);
    try {
      return await execCollect(container, command);
    } catch (error) {
      throw containerApiError(error, name);
    }
  }

  /** All containers as guests: Twinlab's (managed) and the user's others (read-only). */
  async list(scope: 'all' | 'twinlab' = 'all'): Promise<Guest[]> {
    const docker = this.#docker();
    try {
      const summaries = await docker.listContainers({ all: true });
      // Runtime and start time are only in inspect; containers may vanish in between.
      const guests = await Promise.all(
        summaries.map(async (summary) => {
          try {
            const raw: unknown = await docker.getContainer(summary.Id).inspect();
            return containerGuest(raw);
          } catch (error) {
            if (isNotFound(error)) return undefined;
            throw error;
          }
        }),
      );
      return guests.filter(
        (guest): guest is Guest => guest !== undefined && (scope === 'all' || guest.managed),
      );
    } catch (error) {
      throw containerApiError(error, '');
    }
  }

  /** Docker's inspect JSON as it is, for the Inspect tab (read-only, any container). */
  async inspect(id: string): Promise<Record<string, unknown>> {
    try {
      const raw: unknown = await this.#docker().getContainer(id).inspect();
      if (typeof raw !== 'object' || raw === null) throw new Error('Docker answered inspect with no object');
      return { ...raw };
    } catch (error) {
      throw containerApiError(error, id);
    }
  }

  /** One resource sample (read-only, any container). Takes about a second: Docker samples twice. */
  async stats(id: string): Promise<ContainerStatsSample> {
    try {
      return await readStatsOnce(this.#docker().getContainer(id));
    } catch (error) {
      throw containerApiError(error, id);
    }
  }

  /** Samples about every second until the signal aborts or the container is removed. */
  async watchStats(
    id: string,
    onSample: (sample: ContainerStatsSample) => void,
    signal: AbortSignal,
  ): Promise<void> {
    try {
      await streamStats(this.#docker().getContainer(id), onSample, signal);
    } catch (error) {
      throw containerApiError(error, id);
    }
  }

  /** Follows Docker's container events, reconnecting after daemon restarts. Returns the stop function. */
  watchEvents(onSignal: (signal: WatchSignal) => void): () => void {
    const watcher = new DockerEventWatcher({
      open: (signal) => this.#docker().getEvents({ filters: { type: ['container'] }, abortSignal: signal }),
      onSignal: (event) => {
        if (event.type === 'disconnected')
          this.#log?.debug(`docker events: ${event.reason}; retry in ${event.retryInMs} ms`);
        onSignal(event);
      },
    });
    watcher.start();
    return () => watcher.stop();
  }

  async #check(
    docker: Docker,
    spec: ContainerCreateSpec,
  ): Promise<{ facts: ContainerHostFacts; problems: SpecProblem[] }> {
    let facts: ContainerHostFacts;
    try {
      facts = await this.#hostFacts(docker, spec);
    } catch (error) {
      throw containerApiError(error, spec.name);
    }
    return { facts, problems: validateContainerSpec(spec, facts) };
  }

  #traits(spec: ContainerCreateSpec, facts: ContainerHostFacts): CreateTraits {
    return {
      createdAt: this.#now().toISOString(),
      runtimeWithoutNetwork: spec.runtime !== undefined && facts.networkNoneRuntimes.includes(spec.runtime),
    };
  }

  /** Creates a named volume with Twinlab's labels unless it exists; true when this call made it. */
  async #createVolumeIfMissing(
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

  async #rollback(docker: Docker, created: CreatedSoFar): Promise<void> {
    const attempt = async (what: string, undo: () => Promise<unknown>) => {
      try {
        await undo();
      } catch (error) {
        if (!isNotFound(error))
          this.#log?.warn(`rollback: could not remove ${what}: ${describeDockerError(error).detail}`);
      }
    };
    const container = created.container;
    if (container)
      await attempt(`container ${container.id}`, () => container.remove({ force: true, v: true }));
    for (const volume of created.volumes)
      await attempt(`volume ${volume}`, () => docker.getVolume(volume).remove());
    const image = created.pulledImage;
    if (image) await attempt(`image ${image}`, () => removeImageUnguarded(docker, image));
  }

  /** Inspects and checks the label: the guard before every mutation. */
  async #managed(id: string): Promise<{ container: Docker.Container; name: string }> {
    const container = this.#docker().getContainer(id);
    let raw: unknown;
    try {
      raw = await container.inspect();
    } catch (error) {
      throw containerApiError(error, id);
    }
    const { name } = containerGuest(raw);
    assertTwinlabManaged('container', name || id, inspectLabels(raw));
    return { container, name };
  }

  async #mutate(id: string, action: (container: Docker.Container) => Promise<unknown>): Promise<void> {
    const { container, name } = await this.#managed(id);
    try {
      await action(container);
    } catch (error) {
      if (isNotModified(error)) return; // already in the asked state
      throw containerApiError(error, name);
    }
  }
}

function stopQuery(options: StopOptions): { t?: number } {
  return options.timeoutSeconds === undefined ? {} : { t: options.timeoutSeconds };
}

function codeFor(statusCode: number | undefined): ErrorCode {
  return statusCode !== undefined && statusCode >= 400 && statusCode < 500 ? 'bad-input' : 'internal';
}

function createApiError(error: unknown, name: string): ApiError {
  if (error instanceof ApiError) return error;
  const failure = describeDockerError(error);
  const engine = engineApiError(failure);
  if (engine) return engine;
  if (failure.statusCode === 409)
    return containerError('conflict', 'containers.validate.nameTaken', { name });
  return containerError(codeFor(failure.statusCode), 'containers.create.failed', {
    name,
    detail: failure.detail,
  });
}
