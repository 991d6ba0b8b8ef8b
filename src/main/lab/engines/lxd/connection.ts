import { existsSync } from 'node:fs';
import type { HealthProbe } from '../health-monitor';
import { LxdClient } from './client';
import { resolveLxdSocket } from './endpoint';

/** What GET /1.0 says about the daemon. */
export interface LxdServerInfo {
  /** "LXD" or "Incus": both speak this API; the UI names the one that answers. */
  product: 'LXD' | 'Incus';
  version: string;
  /** Storage pools: an uninitialised daemon has none and cannot create instances. */
  pools: string[];
  /** trusted when the socket lets this user in (root, or a member of lxd / incus-admin). */
  auth: string;
}

interface ServerMetadata {
  auth?: string;
  environment?: { server?: string; server_version?: string };
}

/**
 * The lab's LXD/Incus connection: the socket is chosen again on every check, so a daemon
 * installed or started while the app runs is found without a restart.
 */
export class LxdConnection implements HealthProbe {
  #client: LxdClient;

  constructor(private readonly env: Record<string, string | undefined>) {
    this.#client = new LxdClient(resolveLxdSocket(env, existsSync));
  }

  get client(): LxdClient {
    return this.#client;
  }

  endpoint(): string {
    return `unix://${this.#client.socketPath}`;
  }

  async server(): Promise<LxdServerInfo> {
    const socketPath = resolveLxdSocket(this.env, existsSync);
    if (socketPath !== this.#client.socketPath) this.#client = new LxdClient(socketPath);
    const info = await this.#client.get<ServerMetadata>('/1.0');
    const pools = info.auth === 'trusted' ? await this.#client.get<string[]>('/1.0/storage-pools') : [];
    return {
      product: info.environment?.server === 'incus' ? 'Incus' : 'LXD',
      version: info.environment?.server_version ?? 'unknown',
      pools: pools.map((path) => path.split('/').pop() ?? path),
      auth: info.auth ?? 'unknown',
    };
  }

  /** The version when the daemon answers, trusts us and has a storage pool; the reason otherwise. */
  async check(): Promise<string> {
    const server = await this.server();
    if (server.auth !== 'trusted')
      throw new Error(`${server.product} does not trust this user (auth: ${server.auth})`);
    if (server.pools.length === 0)
      throw new Error(`${server.product} has no storage pool yet (not initialised)`);
    return `${server.product} ${server.version}`;
  }
}
