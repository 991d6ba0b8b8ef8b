import type Docker from 'dockerode';
import {
  MIB,
  isInteractive,
  parseRestartPolicy,
  type ContainerCreateSpec,
  type CreateTraits,
} from './container-spec';
import { twinlabLabels } from './labels';

/** `80/tcp`: Docker's key for a container port in ExposedPorts and PortBindings. */
export const portKey = (port: number, protocol: string): string => `${port}/${protocol}`;

/**
 * The dockerode create call for a validated spec. Pure: the created time and what the host needs
 * for the runtime come in as traits. Keys are only set when the spec sets them, so the daemon's
 * defaults (and `docker inspect`) stay the same as for the equivalent `docker run`.
 */
export function containerCreateOptions(
  spec: ContainerCreateSpec,
  traits: CreateTraits,
): Docker.ContainerCreateOptions {
  const interactive = isInteractive(spec);
  const hostConfig: Docker.HostConfig = {};
  if (spec.memoryMiB !== undefined) hostConfig.Memory = spec.memoryMiB * MIB;
  // NanoCpus is the API form of --cpus: 1.5 CPUs = 1.5e9 nano-CPUs.
  if (spec.cpus !== undefined) hostConfig.NanoCpus = Math.round(spec.cpus * 1e9);
  if (spec.runtime !== undefined) hostConfig.Runtime = spec.runtime;
  if (traits.runtimeWithoutNetwork) hostConfig.NetworkMode = 'none';
  if (spec.restart !== undefined) {
    const policy = parseRestartPolicy(spec.restart);
    hostConfig.RestartPolicy =
      policy.name === 'on-failure'
        ? { Name: policy.name, MaximumRetryCount: policy.maximumRetryCount }
        : { Name: policy.name };
  }

  const ports = spec.ports ?? [];
  let exposedPorts: Record<string, Record<string, never>> | undefined;
  if (ports.length > 0) {
    exposedPorts = {};
    const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
    for (const port of ports) {
      const key = portKey(port.container, port.protocol);
      exposedPorts[key] = {};
      // An empty HostPort asks Docker for a free ephemeral port, like `-p 80`.
      // HostIp '' is every address (0.0.0.0), only when the spec opts into the LAN.
      (bindings[key] ??= []).push({
        HostIp: port.lan ? '' : '127.0.0.1',
        HostPort: port.host === undefined ? '' : String(port.host),
      });
    }
    hostConfig.PortBindings = bindings;
  }

  const mounts: Docker.MountSettings[] = [
    ...(spec.volumes ?? []).map((volume): Docker.MountSettings => ({
      Type: 'volume',
      // No source: an anonymous volume, which `remove` deletes with the container (v: true).
      Source: volume.name ?? '',
      Target: volume.target,
      ...(volume.readOnly && { ReadOnly: true }),
    })),
    ...(spec.binds ?? []).map(
      // Mounts (not Binds): a missing host path is an error instead of a new empty root-owned folder.
      (bind): Docker.MountSettings => ({
        Type: 'bind',
        Source: bind.source,
        Target: bind.target,
        ...(bind.readOnly && { ReadOnly: true }),
      }),
    ),
  ];
  if (mounts.length > 0) hostConfig.Mounts = mounts;

  const env = Object.entries(spec.env ?? {}).map(([name, value]) => `${name}=${value}`);
  return {
    name: spec.name,
    Image: spec.image,
    ...(spec.command !== undefined && spec.command.length > 0 && { Cmd: spec.command }),
    ...(env.length > 0 && { Env: env }),
    // A shell as PID 1 exits at once without a terminal and open stdin; consoles attach through exec.
    ...(interactive && { Tty: true, OpenStdin: true }),
    Labels: twinlabLabels({ templateId: spec.templateId, twinId: spec.twinId, createdAt: traits.createdAt }),
    ...(exposedPorts && { ExposedPorts: exposedPorts }),
    HostConfig: hostConfig,
  };
}
