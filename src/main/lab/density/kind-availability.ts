import type { DensityKind } from '@shared/density';
import type { EngineStatus } from '@shared/engines';
import { pickSandboxRuntime } from '../twins/twin-spec';
import type { DensitySentence } from './density-sentence';

export interface KindAvailabilityDeps {
  engines: () => { docker: EngineStatus; libvirt: EngineStatus };
  /** Runtimes registered with Docker. */
  runtimes: () => Promise<string[]>;
  /** Why LXD/Incus cannot make system containers now, or undefined. */
  systemsUnavailable: () => Promise<string | undefined>;
}

/**
 * Why guests of a kind cannot be made on this host now, as a sentence saying what to do, or
 * undefined. A kind that cannot run is left out of a density run, never a failure of the run.
 */
export function kindAvailability(
  deps: KindAvailabilityDeps,
): (kind: DensityKind) => Promise<DensitySentence | undefined> {
  return async (kind) => {
    const { docker, libvirt } = deps.engines();
    switch (kind) {
      case 'container':
        return engineDown('Docker', docker);
      case 'sandbox': {
        const down = engineDown('Docker', docker);
        if (down) return down;
        const runtime = pickSandboxRuntime(await deps.runtimes().catch(() => []));
        return runtime
          ? undefined
          : {
              key: 'error.densityNoSandboxRuntime',
              message:
                'No sandbox runtime (gVisor runsc or Kata) is registered with Docker. Install one (the Host page says how) to measure sandboxed containers.',
            };
      }
      case 'system': {
        const reason = await deps.systemsUnavailable();
        if (reason === undefined) return undefined;
        const why = reason.replace(/\.$/, '');
        return {
          key: 'error.densityNoLxd',
          message: `LXD/Incus is not ready (${why}). The Host page says how to install and initialise it.`,
          params: { reason: why },
        };
      }
      case 'vm':
        return engineDown('libvirt', libvirt);
    }
  };
}

function engineDown(engine: string, status: EngineStatus): DensitySentence | undefined {
  if (status.state === 'up') return undefined;
  const reason = status.state === 'down' ? status.reason.replace(/\.$/, '') : 'still connecting';
  return {
    key: 'error.densityEngineDown',
    message: `${engine} is not answering (${reason}). Start it, wait for the status bar to show it up, and try again.`,
    params: { engine, reason },
  };
}
