import { useCallback, useEffect, useState } from 'react';
import type { ProbeRun as SavedProbeRun } from '@shared/compare-results';
import type { ConsoleTarget } from '@shared/consoles';
import { useApi } from '../../data/ApiContext';
import { probeById, probeIds, type ProbeId } from './probes';

/** A saved run, with its probe one this page knows. */
export type ProbeRun = Omit<SavedProbeRun, 'probe'> & { probe: ProbeId };

/**
 * Probe outputs of each twin, kept while the page lives so leaving it does not lose them, and saved
 * in main's data folder so a reload or a restart does not either.
 */
const runsByTwin = new Map<string, ProbeRun[]>();

const isProbeId = (id: string): id is ProbeId => (probeIds as readonly string[]).includes(id);

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

  // After a reload the page starts empty: take what main saved for this twin, unless a run came first.
  useEffect(() => {
    if (runsByTwin.has(twinId)) return;
    let current = true;
    void api.call('compare.results.get', { twinId }).then(
      (saved) => {
        const known = saved.flatMap((each) =>
          isProbeId(each.probe) ? [{ ...each, probe: each.probe }] : [],
        );
        if (!current || runsByTwin.has(twinId) || known.length === 0) return;
        runsByTwin.set(twinId, known);
        setRuns(known);
      },
      () => undefined, // nothing saved, or an older main: the page works without
    );
    return () => {
      current = false;
    };
  }, [api, twinId]);

  const run = useCallback(
    async (ids: readonly ProbeId[]) => {
      setError(undefined);
      try {
        for (const id of ids) {
          setRunning(id);
          const results = await api.call('console.probe', {
            targets: [...targets],
            command: probeById(id).command,
            timeoutMs: probeTimeoutMs,
          });
          const done: ProbeRun = { probe: id, at: new Date().toISOString(), results };
          const next = [done, ...(runsByTwin.get(twinId) ?? []).filter((each) => each.probe !== id)];
          runsByTwin.set(twinId, next);
          setRuns(next);
          // Kept for a reload; a failed save must not stop the probes still to run.
          void api.call('compare.results.save', { twinId, runs: next }).catch(() => undefined);
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

/** Why a probe did not answer in one guest (busy console, timeout, stopped), if it ran and failed. */
export function failureFor(
  runs: readonly ProbeRun[],
  probe: ProbeId,
  guestId: string,
): { key: string; message: string } | undefined {
  const result = runs
    .find((each) => each.probe === probe)
    ?.results.find((each) => each.target.guestId === guestId);
  return result && !result.ok ? result.error : undefined;
}
