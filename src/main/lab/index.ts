import type { AppInfo } from '@shared/api';
import type { Locale } from '@shared/locales';
import { labHandlers } from './api/lab-handlers';
import { TemplateCatalog, templateDirs } from './catalog/catalog';
import { compareServices } from './compose/compare';
import { guestServices } from './compose/guest-services';
import { ConsoleLab } from './consoles/console-lab';
import { realHostProbe } from './doctor';
import { collectHostFacts } from './doctor/host-facts';
import { labHostReport } from './doctor/report-cache';
import { enginesStatus } from './engines/engines-status';
import { LabEngines } from './engines/lab-engines';
import { EventHub } from './events';
import { GuestDirectory } from './guests/directory';
import { createDensityService } from './density/compose-density';
import { hostLocale } from './host-locale';
import { createLogger } from './log';
import { Operations } from './operations';
import { labPaths } from './paths';
import { createRouter, type Router } from './router';
import { SystemLab } from './system-containers/system-lab';

export interface LabConfig {
  version: string;
  mode: AppInfo['mode'];
  /** The app's resources folder (built-in templates and lessons). */
  resourcesDir: string;
  env?: Record<string, string | undefined>;
  /** How often the engines are checked; the status bar must turn within 5 s. */
  healthIntervalMs?: number;
}

export interface Lab {
  router: Router;
  events: EventHub;
  /** The UI language of the host the lab runs on, from its locale variables. */
  hostLocale: Locale;
  /** Stops monitors and closes engine connections. */
  dispose(): Promise<void>;
}

/** Composition root of the lab core: makes the parts and wires them, nothing else. Never imports electron. */
export async function createLab(config: LabConfig): Promise<Lab> {
  const env = config.env ?? process.env;
  const log = createLogger('lab');
  const paths = labPaths(env);
  const events = new EventHub();
  const interval = config.healthIntervalMs ?? 1500;
  const engines = new LabEngines(env, interval, log, () => {
    hostReport.invalidate(); // the engine checks in the report are stale now
    events.emit('engines.status', enginesStatus(engines, systems.health));
  });
  const accelerator = async () => (await collectHostFacts(realHostProbe).accelerator()).accelerator;
  const operations = new Operations((progress) => events.emit('operation.progress', progress));
  const templates = new TemplateCatalog(
    templateDirs(config.resourcesDir, paths.userTemplates, env['TWINLAB_EXTRA_TEMPLATES']),
  );
  const { mirrors, containers, images, vmImages, vms, share } = guestServices({
    env,
    paths,
    engines,
    templates,
    accelerator,
  });
  const hostReport = labHostReport({ engines, lxd: () => systems.health, mirrors, cacheDir: paths.cache });
  const vmWatcher = vms.watch(() => events.emit('guests.changed', {}), { intervalMs: 1000 });

  const consoles: ConsoleLab = new ConsoleLab({
    events,
    docker: () => engines.docker.client,
    libvirtUri: () => engines.libvirt.endpoint(),
    containers,
    vms,
    systems: { openConsole: (name, size) => systems.openConsole(name, size) },
    systemProbes: { sideRun: (name, command, timeoutMs) => systems.sideRun(name, command, timeoutMs) },
    env,
    resumeVm: (id) => vms.resume(id),
    log,
  });
  const stopWatchingVms = consoles.watchVmStarts();
  const stopWatching = containers.watchEvents((signal) => {
    if (signal.type === 'disconnected') return;
    events.emit('guests.changed', signal.type === 'change' ? { id: signal.change.id } : {});
    consoles.reconnects.onContainerSignal(signal);
  });
  // System containers (LXD/Incus): optional, so their absence only leaves their column out.
  const systems: SystemLab = new SystemLab({
    env,
    consoles: consoles.manager,
    healthIntervalMs: interval,
    onGuestsChanged: (id) => events.emit('guests.changed', id === undefined ? {} : { id }),
    onStatus: (status) => {
      hostReport.invalidate(); // the LXD check in the report is stale now
      log.info(`engines: lxd ${status.state}`);
      events.emit('engines.status', enginesStatus(engines, systems.health));
    },
    log: createLogger('systems'),
    images: { httpMirror: mirrors.httpMirror, downloadDir: `${paths.cache}/system-images` },
  });
  const guests = new GuestDirectory([{ list: () => containers.list('all') }, systems.service, vms]);
  const { compare, live } = compareServices({
    engines,
    guests,
    containers,
    vms,
    systems: systems.service,
    consoles,
    accelerator,
  });

  const density = createDensityService({
    paths,
    engines,
    systems,
    templates,
    guests,
    containers,
    vms,
    consoles,
    compare,
    events,
    accelerator,
    log: createLogger('density'),
  });
  // Guests an earlier run left (the app quit or crashed mid-run) go once the engines have answered.
  density.sweepWhenEnginesAnswer(() =>
    Object.values(engines.status()).every((status) => status.state !== 'connecting'),
  );

  const router: Router = createRouter(
    labHandlers(
      {
        app: { version: config.version, mode: config.mode },
        env,
        resourcesDir: config.resourcesDir,
        paths,
        events,
        engines,
        hostReport,
        templates,
        guests,
        containers,
        images,
        vmImages,
        vms,
        systems,
        operations,
        share,
        mirrors,
        consoles,
        compare,
        live,
        density,
      },
      (method, input) => router.call(method, input),
    ),
    createLogger('api'),
  );

  return {
    router,
    events,
    hostLocale: hostLocale(env),
    async dispose() {
      stopWatching();
      stopWatchingVms();
      vmWatcher.stop();
      live.stop();
      operations.cancelAll();
      await density.dispose();
      await share.stop();
      consoles.reconnects.stop();
      await consoles.manager.closeAll();
      await consoles.vmProbes.dispose();
      systems.dispose();
      await engines.dispose();
    },
  };
}
