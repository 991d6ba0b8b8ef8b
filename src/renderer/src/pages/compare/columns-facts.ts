import type { GuestMeasurement } from '@shared/compare';
import type { Guest } from '@shared/guest';
import type { ColumnFacts } from './measurements';
import { kernelOf, processesOf } from './probes';
import { failureFor, outputFor, type ProbeRun } from './use-probe-runs';

/** One column of the comparison: its guest, its label, and what is known about it. */
export interface CompareColumn {
  guest: Guest;
  label: string;
  color: string;
  facts: ColumnFacts;
}

/** The facts of a guest's column from the latest measurement and the probes run so far. */
export function factsOf(
  guest: Guest,
  measurements: readonly GuestMeasurement[] | undefined,
  runs: readonly ProbeRun[],
): ColumnFacts {
  const measurement = measurements?.find((each) => each.guestId === guest.id);
  const kernelOutput = outputFor(runs, 'kernel', guest.id);
  const processOutput = outputFor(runs, 'processes', guest.id);
  const kernel = kernelOutput === undefined ? undefined : kernelOf(kernelOutput);
  const processesInside = processOutput === undefined ? undefined : processesOf(processOutput);
  const failures = {
    kernel: failureFor(runs, 'kernel', guest.id),
    processesInside: failureFor(runs, 'processes', guest.id),
  };
  const probeFailures = Object.fromEntries(Object.entries(failures).filter(([, failure]) => failure));
  return {
    kind: guest.kind,
    running: guest.state === 'running',
    ...(measurement && { measurement }),
    ...(kernel && { kernel }),
    ...(processesInside && { processesInside }),
    ...(Object.keys(probeFailures).length > 0 && { probeFailures }),
  };
}
