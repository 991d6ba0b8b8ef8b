import { existsSync } from 'node:fs';
import Docker from 'dockerode';
import { describeEndpoint, resolveDockerEndpoint, type DockerEndpoint } from './endpoint';
import type { HealthProbe } from '../health-monitor';

/**
 * The lab's dockerode clients; the endpoint is re-resolved while the daemon does not answer.
 * Health checks use their own client with a request timeout, which the main client must not
 * have: it would cut idle long-lived streams (events, consoles, pulls).
 */
export class DockerConnection implements HealthProbe {
  #endpoint: DockerEndpoint;
  #client: Docker;
  #probeClient: Docker;

  constructor(private readonly env: Record<string, string | undefined> = process.env) {
    this.#endpoint = resolveDockerEndpoint(env, existsSync);
    this.#client = createClient(this.#endpoint);
    this.#probeClient = createClient(this.#endpoint, probeTimeoutMs);
  }

  get client(): Docker {
    return this.#client;
  }

  endpoint(): string {
    return describeEndpoint(this.#endpoint);
  }

  async check(): Promise<string> {
    try {
      const version = await this.#probeClient.version();
      return version.Version;
    } catch (error) {
      // A socket that appeared since start (Podman started later) is picked up on the next check.
      const endpoint = resolveDockerEndpoint(this.env, existsSync);
      if (describeEndpoint(endpoint) !== this.endpoint()) {
        this.#endpoint = endpoint;
        this.#client = createClient(endpoint);
        this.#probeClient = createClient(endpoint, probeTimeoutMs);
      }
      throw error;
    }
  }

  async runtimes(): Promise<string[]> {
    // @types/dockerode types info() as any; read only the field we need.
    const info: { Runtimes?: Record<string, unknown> } = await this.#client.info();
    return Object.keys(info.Runtimes ?? {}).sort();
  }
}

const probeTimeoutMs = 3000;

function createClient(endpoint: DockerEndpoint, timeout?: number): Docker {
  return endpoint.kind === 'socket'
    ? new Docker({ socketPath: endpoint.socketPath, timeout })
    : new Docker({ host: endpoint.host, port: endpoint.port, protocol: endpoint.protocol, timeout });
}
