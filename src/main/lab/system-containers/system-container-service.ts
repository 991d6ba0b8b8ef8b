import type { Guest } from '@shared/guest';
import { systemMemoryMinMiB, type SystemStats } from '@shared/systems';
import type { SystemSide } from '@shared/template';
import type { TransferProgress } from '@shared/vms';
import { ApiError } from '@shared/errors';
import { LxdApiError, type LxdClient } from '../engines/lxd/client';
import type { LxdServerInfo } from '../engines/lxd/connection';
import type { Logger } from '../log';
import { systemError } from './errors';
import { isManagedInstance, systemGuestOf, type LxdInstance } from './guest-mapping';
import { instanceBody, type ImageSource } from './instance-body';
import { connectProblem, serverProblem } from './readiness';
import { isRemote, localAlias, type RemoteSystemImages } from './remote-images';

export interface SystemCreateRequest {
  name: string;
  templateId: string;
  system: SystemSide;
  twinId?: string;
}

export type SystemAction = 'start' | 'stop' | 'remove';

/** What validate found: the daemon, this computer's size, and how LXD will find the image. */
export interface ValidatedRequest {
  product: LxdServerInfo['product'];
  source: ImageSource;
  host: { cpus: number; memoryMiB: number };
}

export interface SystemContainerDeps {
  client: () => LxdClient;
  server: () => Promise<LxdServerInfo>;
  /** Images of templates with `system.remote`; without it such templates are refused as missing. */
  remoteImages?: RemoteSystemImages;
  log?: Logger;
}

/** An instance name is a host name: LXD refuses anything else. */
const instanceName = /^[a-zA-Z][a-zA-Z0-9-]{0,62}$/;
const stopTimeoutSeconds = 10;

/**
 * System containers on LXD/Incus: create from a template's system side, start, stop, remove, list
 * and stats. Every change is refused for instances without `user.twinlab.managed=true`.
 */
export class SystemContainerService {
  #host: Promise<{ cpus: number; memoryMiB: number }> | undefined;

  constructor(private readonly deps: SystemContainerDeps) {}

  async list(): Promise<Guest[]> {
    const instances = await this.#call(() =>
      this.deps.client().get<LxdInstance[]>('/1.0/instances?recursion=1'),
    );
    return instances.filter((instance) => instance.type === 'container').map(systemGuestOf);
  }

  async get(id: string): Promise<Guest> {
    return systemGuestOf(await this.#instance(id));
  }

  /** What create would refuse, checked before anything is made (a twin checks all its parts first). */
  async validate(request: Pick<SystemCreateRequest, 'name' | 'system'>): Promise<ValidatedRequest> {
    if (!instanceName.test(request.name)) throw systemError('badName', { name: request.name });
    // Independent questions to LXD, asked at once: create → prompt is measured against `lxc launch`.
    const [{ product }, host] = await Promise.all([this.#server(), this.#hostSize()]);
    const { memoryMiB, cpus } = request.system;
    if (memoryMiB !== undefined && (memoryMiB < systemMemoryMinMiB || memoryMiB > host.memoryMiB))
      throw systemError('memoryOutOfRange', { memoryMiB, min: systemMemoryMinMiB, max: host.memoryMiB });
    if (cpus !== undefined && (cpus < 1 || cpus > host.cpus))
      throw systemError('cpusOutOfRange', { cpus, max: host.cpus });
    const [taken, source] = await Promise.allSettled([
      this.deps
        .client()
        .get(`/1.0/instances/${encodeURIComponent(request.name)}`)
        .then(
          () => true,
          (error: unknown) => (isNotFound(error) ? false : Promise.reject(error)),
        ),
      this.#imageSource(request.system, product),
    ]);
    if (taken.status === 'rejected') throw taken.reason;
    if (taken.value) throw systemError('nameTaken', { name: request.name, product });
    if (source.status === 'rejected') throw source.reason;
    return { product, host, source: source.value };
  }

  /** The instance when Twinlab made it; a sentence when it did not, or when it is gone. */
  async assertManaged(id: string): Promise<LxdInstance> {
    const instance = await this.#instance(id);
    if (!isManagedInstance(instance)) throw systemError('notManaged', { name: instance.name });
    return instance;
  }

  /** A change (POST, PUT, DELETE) waited for to its end; a failure becomes a sentence. */
  async change(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<void> {
    await this.#call(() => this.deps.client().act(method, path, body));
  }

  /** A GET whose failure becomes a sentence (LXD gone, a daemon error). */
  async read<T>(path: string): Promise<T> {
    return this.#call(() => this.deps.client().get<T>(path));
  }

  /** Creates and starts; a failure or a cancel on the way removes what was made. */
  async create(
    request: SystemCreateRequest,
    options: {
      signal?: AbortSignal;
      onStep?: (step: 'downloading' | 'creating' | 'starting') => void;
      onDownload?: (progress: TransferProgress) => void;
    } = {},
  ): Promise<Guest> {
    const { source } = await this.validate(request);
    const { remoteImages } = this.deps;
    if (remoteImages && isRemote(request.system) && !(await remoteImages.has(request.system))) {
      options.onStep?.('downloading');
      await remoteImages.ensure(request.system, {
        ...(options.signal && { signal: options.signal }),
        ...(options.onDownload && { onProgress: options.onDownload }),
      });
    }
    const client = this.deps.client();
    const path = `/1.0/instances/${encodeURIComponent(request.name)}`;
    options.onStep?.('creating');
    await this.#call(() => client.act('POST', '/1.0/instances', instanceBody(request, source)));
    try {
      options.signal?.throwIfAborted();
      options.onStep?.('starting');
      await this.#call(() => client.act('PUT', `${path}/state`, { action: 'start', timeout: 30 }));
      options.signal?.throwIfAborted();
      return await this.get(request.name);
    } catch (error) {
      await this.#remove(request.name).catch((cleanup: unknown) =>
        this.deps.log?.warn(`could not remove ${request.name} after a failed create`, cleanup),
      );
      throw error;
    }
  }

  async action(id: string, action: SystemAction): Promise<Guest | null> {
    const instance = await this.assertManaged(id);
    if (action === 'remove') {
      await this.#remove(instance.name);
      return null;
    }
    const path = `/1.0/instances/${encodeURIComponent(instance.name)}/state`;
    if (action === 'start')
      await this.#call(() => this.deps.client().act('PUT', path, { action: 'start', timeout: 30 }));
    else await this.#stop(instance.name);
    return this.get(instance.name);
  }

  async stats(id: string): Promise<SystemStats> {
    const instance = await this.#instance(id);
    const limit = memoryLimitBytes(instance.config['limits.memory']);
    const state = await this.#call(() =>
      this.deps.client().get<{
        memory?: { usage?: number };
        processes?: number;
        cpu?: { usage?: number };
        pid?: number;
      }>(`/1.0/instances/${encodeURIComponent(id)}/state`),
    );
    return {
      memoryBytes: state.memory?.usage ?? 0,
      processes: state.processes ?? 0,
      cpuNs: state.cpu?.usage ?? 0,
      hostPid: state.pid ?? 0,
      ...(limit !== undefined && { memoryLimitBytes: limit }),
    };
  }

  /** A clean shutdown (init gets SIGPWR); forced when init does not end in time. */
  async #stop(name: string): Promise<void> {
    const path = `/1.0/instances/${encodeURIComponent(name)}/state`;
    const client = this.deps.client();
    try {
      await client.act('PUT', path, { action: 'stop', timeout: stopTimeoutSeconds });
    } catch {
      await this.#call(() => client.act('PUT', path, { action: 'stop', force: true }));
    }
  }

  async #remove(name: string): Promise<void> {
    const instance = await this.#instance(name);
    if (instance.status !== 'Stopped')
      await this.#call(() =>
        this.deps.client().act('PUT', `/1.0/instances/${encodeURIComponent(name)}/state`, {
          action: 'stop',
          force: true,
        }),
      );
    await this.#call(() => this.deps.client().act('DELETE', `/1.0/instances/${encodeURIComponent(name)}`));
  }

  async #instance(id: string): Promise<LxdInstance> {
    return this.deps
      .client()
      .get<LxdInstance>(`/1.0/instances/${encodeURIComponent(id)}`)
      .catch(async (error: unknown) => {
        // 400: not a valid instance name, so no such instance either (found by the API fuzz test).
        if (isNotFound(error) || (error instanceof LxdApiError && error.status === 400))
          throw systemError('notFound', { id });
        throw await this.#translate(error);
      });
  }

  /**
   * An alias when the store has one by that name, else a fingerprint (or its unique prefix). A
   * simplestreams image goes by its local alias, downloaded by create when not in the store yet.
   */
  async #imageSource(system: SystemSide, product: string): Promise<ImageSource> {
    if (isRemote(system) && this.deps.remoteImages) return { alias: localAlias(system) };
    const { image } = system;
    const client = this.deps.client();
    const found = (path: string) =>
      client.get(path).then(
        () => true,
        (error: unknown) => (isNotFound(error) ? false : Promise.reject(error)),
      );
    if (await found(`/1.0/images/aliases/${encodeURIComponent(image)}`)) return { alias: image };
    if (/^[0-9a-f]{12,64}$/.test(image) && (await found(`/1.0/images/${image}`)))
      return { fingerprint: image };
    throw systemError('imageMissing', { image, product });
  }

  async #server(): Promise<LxdServerInfo> {
    const socketPath = this.deps.client().socketPath;
    const server = await this.deps.server().catch((error: unknown) => {
      throw connectProblem(error, socketPath);
    });
    const problem = serverProblem(server, socketPath);
    if (problem) throw problem;
    return server;
  }

  /** This computer's CPUs and memory as LXD counts them: the bounds of an instance's limits. */
  /** The host's size does not change while the app runs: asked once (LXD's /1.0/resources is slow). */
  #hostSize(): Promise<{ cpus: number; memoryMiB: number }> {
    this.#host ??= this.#readHostSize().catch((error: unknown) => {
      this.#host = undefined;
      throw error;
    });
    return this.#host;
  }

  async #readHostSize(): Promise<{ cpus: number; memoryMiB: number }> {
    const resources = await this.read<{ cpu?: { total?: number }; memory?: { total?: number } }>(
      '/1.0/resources',
    );
    return {
      cpus: resources.cpu?.total ?? 1,
      memoryMiB: Math.floor((resources.memory?.total ?? 0) / 1024 ** 2),
    };
  }

  async #call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw await this.#translate(error);
    }
  }

  async #translate(error: unknown): Promise<unknown> {
    if (error instanceof ApiError || !(error instanceof LxdApiError)) return error;
    if (error.status === 0) return systemError('unavailable', { detail: error.message });
    const product = await this.deps.server().then(
      (server) => server.product,
      () => 'LXD',
    );
    return systemError('failed', { product, detail: error.message });
  }
}

const units: Record<string, number> = {
  '': 1,
  B: 1,
  kB: 1e3,
  MB: 1e6,
  GB: 1e9,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
};

/** limits.memory in bytes ("64MiB", "1GB"); undefined when absent or a percentage. */
export function memoryLimitBytes(value: string | undefined): number | undefined {
  const match = /^(\d+)\s*(B|kB|MB|GB|KiB|MiB|GiB)?$/.exec(value ?? '');
  if (!match?.[1]) return undefined;
  return Number(match[1]) * (units[match[2] ?? ''] ?? 1);
}

function isNotFound(error: unknown): boolean {
  return error instanceof LxdApiError && error.status === 404;
}
