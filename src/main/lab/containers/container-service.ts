import type { ContainerPreview } from '@shared/containers';

export type { ContainerPreview };
import type Docker from 'dockerode';
import type { Guest } from '@shared/guest';
import type { ContainerCreateSpec, CreateTraits } from '../engines/docker/container-spec';
import { containerApiError, isNotFound, isNotModified } from '../engines/docker/docker-errors';
import { dockerRunCommand } from '../engines/docker/docker-run-command';
import { DockerEventWatcher, type WatchSignal } from '../engines/docker/event-watcher';
import { execCollect, type ExecResult } from '../engines/docker/exec';
import { containerGuest, inspectLabels, inspectStatus } from '../engines/docker/guest-mapper';
import { assertTwinlabManaged } from '../engines/docker/managed-guard';
import { readStatsOnce, streamStats, type ContainerStatsSample } from '../engines/docker/stats';
import type { ImagePuller } from '../images/image-puller';
import type { Logger } from '../log';
import { createContainer, type CreateOptions } from './container-create';
import { ContainerListCache, type ContainerSummary } from './container-list-cache';
import { collectContainerHostFacts } from './host-facts';
import { validateContainerSpec, type ContainerHostFacts, type SpecProblem } from './validate';

export type { CreateOptions };

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

export interface StopOptions {
  /** Seconds Docker waits after SIGTERM before SIGKILL (a shell as PID 1 ignores SIGTERM). */
  timeoutSeconds?: number;
}

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
  readonly #cache = new ContainerListCache();
  /** The client the cache was filled through: a new endpoint means other containers. */
  #cachedClient: Docker | undefined;

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
  create(spec: ContainerCreateSpec, options: CreateOptions = {}): Promise<Guest> {
    return createContainer(
      {
        puller: this.#puller,
        log: this.#log,
        check: (docker, checked) => this.#check(docker, checked),
        traits: (traited, facts) => this.#traits(traited, facts),
      },
      this.#docker(),
      spec,
      options,
    );
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

  /**
   * All containers as guests: Twinlab's (managed) and the user's others (read-only). One
   * `GET /containers/json` per call; a container is inspected only when it is new to the cache or
   * changed since (see ContainerListCache), so a refresh with 100 guests costs no per-container calls.
   */
  async list(scope: 'all' | 'twinlab' = 'all'): Promise<Guest[]> {
    const docker = this.#docker();
    if (docker !== this.#cachedClient) {
      this.#cache.clear();
      this.#cachedClient = docker;
    }
    try {
      const summaries = await docker.listContainers({ all: true });
      this.#cache.keepOnly(new Set(summaries.map((summary) => summary.Id)));
      const guests = await Promise.all(summaries.map((summary) => this.#guestOf(docker, summary)));
      return guests.filter(
        (guest): guest is Guest => guest !== undefined && (scope === 'all' || guest.managed),
      );
    } catch (error) {
      throw containerApiError(error, '');
    }
  }

  /** The cached guest, or a fresh inspect (runtime and start time are only there); undefined if it vanished. */
  async #guestOf(docker: Docker, summary: ContainerSummary): Promise<Guest | undefined> {
    const cached = this.#cache.reuse(summary);
    if (cached) return cached;
    const epoch = this.#cache.epoch;
    try {
      const raw: unknown = await docker.getContainer(summary.Id).inspect();
      const guest = containerGuest(raw);
      this.#cache.store(guest, inspectStatus(raw), epoch);
      return guest;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
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
        if (event.type === 'connected') this.#cache.followed();
        else if (event.type === 'change') this.#cache.invalidate(event.change.id);
        else {
          this.#cache.unfollowed();
          this.#log?.debug(`docker events: ${event.reason}; retry in ${event.retryInMs} ms`);
        }
        onSignal(event);
      },
    });
    watcher.start();
    return () => {
      watcher.stop();
      this.#cache.unfollowed();
    };
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
