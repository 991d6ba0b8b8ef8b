import { stat } from 'node:fs/promises';
import { availableParallelism, totalmem } from 'node:os';
import type Docker from 'dockerode';
import type { ContainerCreateSpec } from '../engines/docker/container-spec';
import { parseImageReference, registryAddress } from '@shared/image-reference';
import { imageExists } from '../engines/docker/images';
import type { ImagePuller } from '../images/image-puller';
import { readRuntimeInfo } from '../engines/docker/runtime-info';
import { hostPortAvailability } from './port-check';
import { canReachRegistry } from './registry-probe';
import type { ContainerHostFacts, PortAvailability } from './validate';

/** Collects, for one spec, the host facts validation needs: real checks, run in parallel. */
export async function collectContainerHostFacts(
  docker: Docker,
  spec: ContainerCreateSpec,
  /** Knows when a pull goes to a registry mirror instead, which is then the one that must answer. */
  puller?: ImagePuller,
): Promise<ContainerHostFacts> {
  const hostPorts = (spec.ports ?? []).flatMap((port) =>
    port.host !== undefined && port.host >= 1 && port.host <= 65535
      ? [{ host: port.host, protocol: port.protocol }]
      : [],
  );
  const bindSources = (spec.binds ?? [])
    .map((bind) => bind.source)
    .filter((source) => source.startsWith('/'));

  const [containers, runtimeInfo, imagePresent, portResults, missingPaths] = await Promise.all([
    docker.listContainers({ all: true }),
    readRuntimeInfo(docker),
    imageExists(docker, spec.image).catch(() => false),
    Promise.all(
      hostPorts.map(
        async ({ host, protocol }) =>
          [`${host}/${protocol}`, await hostPortAvailability(host, protocol)] as const,
      ),
    ),
    Promise.all(bindSources.map(async (source) => ((await exists(source)) ? [] : [source]))),
  ]);

  const reference = parseImageReference(spec.image);
  const registry =
    !imagePresent && spec.pull !== 'never' && reference !== undefined
      ? ((await puller?.registryOf(docker, spec.image)) ?? registryAddress(reference))
      : undefined;
  const registryReachable = registry !== undefined && (await canReachRegistry(registry));

  return {
    takenNames: containers.flatMap((container) =>
      (container.Names ?? []).map((name) => name.replace(/^\//, '')),
    ),
    hostPorts: Object.fromEntries(portResults) as Record<string, PortAvailability>,
    isRoot: process.getuid?.() === 0,
    totalMemoryBytes: totalmem(),
    cpuCount: availableParallelism(),
    runtimes: runtimeInfo.runtimes,
    networkNoneRuntimes: runtimeInfo.networkNoneRuntimes,
    imagePresent,
    registryReachable,
    missingPaths: missingPaths.flat(),
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
