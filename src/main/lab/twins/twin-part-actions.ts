import { ApiError } from '@shared/errors';
import type { Guest } from '@shared/guest';
import type { SystemAction } from '@shared/systems';
import type { Reply } from '@shared/wire';
import type { ContainerService } from '../containers';
import type { CompareResultsStore } from '../compare/results-store';
import type { ConsoleManager } from '../consoles';
import type { VmService } from '../vms';
import { TwinLifecycle, type TwinPartActions } from './twin-lifecycle';

/** Seconds Docker waits after SIGTERM, as the container's own Stop button: a shell as PID 1 ignores it. */
const containerStopSeconds = 5;

export interface TwinEngines {
  containers: Pick<ContainerService, 'list' | 'start' | 'stop' | 'remove'>;
  vms: Pick<VmService, 'list' | 'shutdown' | 'forceOff' | 'remove'>;
  systems: {
    list: () => Promise<Guest[]>;
    action: (id: string, action: SystemAction) => Promise<unknown>;
  };
  consoles: ConsoleManager;
  /** Where the twins' probe results are saved; a deleted twin's go with it. */
  results: Pick<CompareResultsStore, 'forget'>;
  /**
   * Starts a VM exactly as its own Start button does (the `vms.action` call: paused, console
   * attached and boot timer armed, then run), so a twin's VM gets its boot time too.
   */
  startVm: (id: string) => Promise<Reply>;
  changed: () => void;
}

/** The twin lifecycle on the lab's engines. */
export function twinLifecycle(engines: TwinEngines): TwinLifecycle {
  return new TwinLifecycle({
    guests: async () => {
      const [containers, vms, systems] = await Promise.all([
        engines.containers.list('twinlab'),
        engines.vms.list(),
        // LXD is optional: where it is absent no twin has a system part.
        engines.systems.list().catch(() => []),
      ]);
      return [...containers, ...vms, ...systems];
    },
    parts: twinPartActions(engines),
    closeConsoles: (guestId) => closeConsolesOf(engines.consoles, guestId),
    forgetResults: (twinId) => engines.results.forget(twinId),
    changed: engines.changed,
  });
}

/** Each engine's own call for one part of a twin: the same ones the guest's own buttons make. */
function twinPartActions({ containers, vms, systems, startVm }: TwinEngines): TwinPartActions {
  return {
    start: async (guest: Guest) => {
      if (guest.kind === 'system') return systems.action(guest.id, 'start');
      if (guest.kind !== 'vm') return containers.start(guest.id);
      const reply = await startVm(guest.id);
      if (!reply.ok) throw ApiError.fromData(reply.error);
      return undefined;
    },
    stop: async (guest: Guest, timeoutSeconds: number) => {
      if (guest.kind === 'system') return systems.action(guest.id, 'stop');
      if (guest.kind !== 'vm') return containers.stop(guest.id, { timeoutSeconds: containerStopSeconds });
      // A guest without an ACPI daemon (a BusyBox initramfs) ignores the button: then it is switched off.
      const asked = await vms.shutdown(guest.id, { timeoutMs: timeoutSeconds * 1000 });
      return asked.outcome === 'stopped' ? undefined : vms.forceOff(guest.id);
    },
    remove: (guest: Guest) => {
      if (guest.kind === 'vm') return vms.remove(guest.id);
      if (guest.kind === 'system') return systems.action(guest.id, 'remove');
      return containers.remove(guest.id);
    },
  };
}

/** Ends every console session of one guest (its shell, and for a container its log view). */
async function closeConsolesOf(consoles: ConsoleManager, guestId: string): Promise<void> {
  const owned = consoles.list().filter((session) => session.owner?.split(':').slice(1).join(':') === guestId);
  await Promise.all(owned.map((session) => consoles.close(session.id)));
}
