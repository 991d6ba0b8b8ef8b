import { useCallback, useState } from 'react';
import type { ConsoleRunResult } from '@shared/compare';
import type { ConsoleTarget } from '@shared/consoles';
import { useApi } from '../../data/ApiContext';
import { probeById, type ProbeId } from './probes';

export interface ProbeRun {
  probe: ProbeId;
  at: string;
  results: ConsoleRunResult[];
}

/** Probe outputs of each twin, kept while the app runs so leaving the page does not lose them. */
const runsByTwin = new Map<string, ProbeRun[]>();

/** A serial console under TCG types slowly and a VM may still be booting: give it time. */
const probeTimeoutMs = 20_000;

/**
 * Runs probes in every console of a twin (one after another: a console takes one command at a
 * time) and keeps the latest run of each probe, newest first.
 */
export function useProbeRuns(twinId: string, targets: readonly ConsoleTarget[]) {
  const api = useApi();
  const [runs, setRuns] = useState<ProbeRun[]>(() => runsByTwin.get(twinId) ?? []);
  const [running, setRunning] = useState<ProbeId>();
  const [error, setError] = useState<unknown>();

  const run = useCallback(
    async (ids: readonly ProbeId[]) => {
      setError(undefined);
      try {
        for (const id of ids) {
          setRunning(id);
          const results = await api.call('console.run', {
            targets: [...targets],
            command: probeById(id).command,
            timeoutMs: probeTimeoutMs,
          });
          const done: ProbeRun = { probe: id, at: new Date().toISOString(), results };
          setRuns((current) => {
            const next = [done, ...current.filter((each) => each.probe !== id)];
            runsByTwin.set(twinId, next);
            return next;
          });
        }
      } catch (caught) {
        setError(caught);
      } finally {
        setRunning(undefined);
      }
    },
    [api, targets, twinId],
  );

  return { runs, running, error, run };
}

/** What a probe printed in one guest's console, if it ran there. */
export function outputFor(runs: readonly ProbeRun[], probe: ProbeId, guestId: string): string | undefined {
  const result = runs
    .find((each) => each.probe === probe)
    ?.results.find((each) => each.target.guestId === guestId);
  return result?.ok ? result.output : undefined;
}
