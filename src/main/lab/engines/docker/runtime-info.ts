import type Docker from 'dockerode';
import { z } from 'zod';

/** What `docker info` says about runtimes, read from dockerode's untyped answer. */
export interface DockerRuntimeInfo {
  /** Registered OCI runtimes, sorted. */
  runtimes: string[];
  /** Runtimes registered with --network=none (gVisor on hosts where its netstack cannot run). */
  networkNoneRuntimes: string[];
  defaultRuntime: string;
  cpus?: number;
  memoryBytes?: number;
}

const infoSchema = z.looseObject({
  Runtimes: z
    .record(z.string(), z.looseObject({ runtimeArgs: z.array(z.string()).nullish() }).catch({}))
    .nullish()
    .catch(undefined),
  DefaultRuntime: z.string().catch('runc'),
  NCPU: z.number().optional().catch(undefined),
  MemTotal: z.number().optional().catch(undefined),
});

export function runtimeInfoOf(raw: unknown): DockerRuntimeInfo {
  const info = infoSchema.parse(raw ?? {});
  const runtimes = Object.entries(info.Runtimes ?? {});
  return {
    runtimes: runtimes.map(([name]) => name).sort(),
    networkNoneRuntimes: runtimes
      .filter(([, runtime]) => /(^| )--network[= ]none( |$)/.test((runtime.runtimeArgs ?? []).join(' ')))
      .map(([name]) => name)
      .sort(),
    defaultRuntime: info.DefaultRuntime,
    ...(info.NCPU !== undefined && { cpus: info.NCPU }),
    ...(info.MemTotal !== undefined && { memoryBytes: info.MemTotal }),
  };
}

export async function readRuntimeInfo(docker: Docker): Promise<DockerRuntimeInfo> {
  const raw: unknown = await docker.info();
  return runtimeInfoOf(raw);
}
