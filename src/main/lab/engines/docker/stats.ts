import type { ContainerStatsSample } from '@shared/containers';

export type { ContainerStatsSample };
import type Docker from 'dockerode';
import { z } from 'zod';
import { readJsonLines } from './json-lines';
import { asReadable } from './readable';

export interface CpuCounters {
  /** Nanoseconds of CPU the container used since it started. */
  totalUsage: number;
  /** Nanoseconds of CPU the whole host used since boot; absent before the first sample. */
  systemUsage: number | undefined;
  onlineCpus: number;
}

/**
 * Docker's CPU%: the container's share of the host's CPU time between two samples, scaled by the
 * online CPUs so that one busy core reads 100% (cpu_delta / system_delta × online CPUs × 100).
 */
export function cpuPercent(current: CpuCounters, previous: CpuCounters): number {
  if (current.systemUsage === undefined || previous.systemUsage === undefined) return 0;
  const cpuDelta = current.totalUsage - previous.totalUsage;
  const systemDelta = current.systemUsage - previous.systemUsage;
  if (cpuDelta <= 0 || systemDelta <= 0) return 0;
  return (cpuDelta / systemDelta) * current.onlineCpus * 100;
}

const counter = z.number().nonnegative().catch(0);
const cpuStatsSchema = z
  .looseObject({
    cpu_usage: z
      .looseObject({ total_usage: counter, percpu_usage: z.array(z.number()).nullish() })
      .catch({ total_usage: 0 }),
    system_cpu_usage: z.number().optional().catch(undefined),
    online_cpus: z.number().int().positive().optional().catch(undefined),
  })
  .catch({ cpu_usage: { total_usage: 0 } });

/** The parts of Docker's stats JSON the sample needs; absent parts (no network under runsc) read 0. */
const rawStatsSchema = z.looseObject({
  read: z.string().catch(''),
  cpu_stats: cpuStatsSchema,
  precpu_stats: cpuStatsSchema,
  memory_stats: z
    .looseObject({
      usage: counter.optional(),
      limit: counter.optional(),
      stats: z.record(z.string(), z.number()).optional().catch(undefined),
    })
    .catch({}),
  pids_stats: z.looseObject({ current: counter.optional() }).catch({}),
  networks: z
    .record(z.string(), z.looseObject({ rx_bytes: counter, tx_bytes: counter }))
    .optional()
    .catch(undefined),
  blkio_stats: z
    .looseObject({
      io_service_bytes_recursive: z
        .array(z.looseObject({ op: z.string(), value: counter }))
        .nullish()
        .catch(null),
    })
    .catch({}),
});

type RawCpuStats = z.output<typeof cpuStatsSchema>;

function cpuCounters(stats: RawCpuStats): CpuCounters {
  return {
    totalUsage: stats.cpu_usage.total_usage,
    systemUsage: stats.system_cpu_usage,
    onlineCpus: stats.online_cpus ?? stats.cpu_usage.percpu_usage?.length ?? 1,
  };
}

/** Reads one stats JSON object from Docker into a sample. Pure; throws only on a non-object. */
export function statsSample(raw: unknown): ContainerStatsSample {
  const stats = rawStatsSchema.parse(raw);
  const memory = stats.memory_stats;
  // Like `docker stats`: inactive file cache is reclaimable, so it does not count as used
  // (cgroup v1 calls it total_inactive_file, v2 inactive_file).
  const inactiveFile = memory.stats?.['total_inactive_file'] ?? memory.stats?.['inactive_file'] ?? 0;
  const usage = memory.usage ?? 0;
  const blockIo = stats.blkio_stats.io_service_bytes_recursive ?? [];
  const blockSum = (op: string) =>
    blockIo.filter((entry) => entry.op.toLowerCase() === op).reduce((sum, entry) => sum + entry.value, 0);
  const networks = Object.values(stats.networks ?? {});
  return {
    at: stats.read,
    cpuPercent: cpuPercent(cpuCounters(stats.cpu_stats), cpuCounters(stats.precpu_stats)),
    memoryBytes: inactiveFile < usage ? usage - inactiveFile : usage,
    memoryLimitBytes: memory.limit ?? 0,
    pids: stats.pids_stats.current ?? 0,
    netRx: networks.reduce((sum, network) => sum + network.rx_bytes, 0),
    netTx: networks.reduce((sum, network) => sum + network.tx_bytes, 0),
    blockRead: blockSum('read'),
    blockWrite: blockSum('write'),
  };
}

/** One sample. Docker waits for a second reading so that the CPU delta is real (about 1 s). */
export async function readStatsOnce(container: Docker.Container): Promise<ContainerStatsSample> {
  const raw: unknown = await container.stats({ stream: false });
  return statsSample(raw);
}

/** A sample about every second until the signal aborts or the container goes away. */
export async function streamStats(
  container: Docker.Container,
  onSample: (sample: ContainerStatsSample) => void,
  signal: AbortSignal,
): Promise<void> {
  if (signal.aborted) return;
  const stream = asReadable(await container.stats({ stream: true }));
  if (signal.aborted) {
    stream.destroy(); // aborted while Docker was answering
    return;
  }
  // Destroying the response ends the read below; the daemon stops sampling when the socket closes.
  const stop = () => stream.destroy();
  signal.addEventListener('abort', stop, { once: true });
  try {
    await readJsonLines(stream, (raw) => onSample(statsSample(raw)));
  } catch (error) {
    if (!signal.aborted) throw error;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
