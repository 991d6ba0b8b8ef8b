import { join } from 'node:path';
import type { AppInfo } from '@shared/api';
import type { EnginesStatus } from '@shared/engines';
import type { HostReport } from '@shared/host';
import { compareHandlers } from './api/compare-handlers';
import { twinHandlers } from './api/twin-handlers';
import { twinLifecycle } from './twins/twin-part-actions';
import {
  consoleHandlers,
  openContainerConsole,
  openHostConsole,
  openVmConsole,
} from './api/console-handlers';
import { vmHandlers } from './api/vm-handlers';
import { containerHandlers } from './api/container-handlers';
import { lessonHandlers } from './api/lesson-handlers';
import { lessonRunnerHandlers } from './api/lesson-runner-handlers';
import { LessonProgressStore } from './lessons/progress-store';
import type { LessonDir } from './lessons/load-lessons';
import { loadCatalog, type TemplateDir } from './catalog/load-templates';
import { CompareService } from './compare/compare-service';
import { ConsoleRunner } from './compare/console-runner';
import { LiveSampler } from './compare/live-sampler';
import { PromptWatch } from './compare/prompt-watch';
import { ReadyTimes } from './compare/ready-times';
import { ConsoleManager } from './consoles';
import { OutputTaps } from './consoles/output-taps';
import { ContainerService, ImageService, type WatchSignal } from './containers';
import { realHostProbe, runHostChecks } from './doctor';
import { collectHostFacts } from './doctor/host-facts';
import { DockerConnection } from './engines/docker/connection';
import { HealthMonitor } from './engines/health-monitor';
import { LibvirtConnection } from './engines/libvirt/connection';
import { virsh } from './engines/libvirt/virsh';
import { EventHub } from './events';
import { hostLocale } from './host-locale';
import { createLogger } from './log';
import { labPaths } from './paths';
import { vmStorage } from './vm-storage';
import { Operations } from './operations';
import { ImageCache, ImagePuller } from './images';
import { realHostCapacity, VmService } from './vms';
import type { TwinCreatorDeps } from './twins/twin-creator';
import { BootWatch } from './vms/boot-watch';
import { UserlandBuilder } from './userland/userland-builder';
import { shareHandlers } from './api/share-handlers';
import { mirrorHandlers } from './api/mirror-handlers';
import { MirrorService } from './images/mirror-service';
import { MirrorSettings } from './images/mirror-settings';
import { ShareServer } from './sharing/share-server';
import { ShareService } from './sharing/share-service';
import { createRouter, type Router } from './router';
import { SystemLab } from './system-containers/system-lab';
import { systemHandlers } from './api/system-handlers';

export interface LabConfig {
  version: string;
  mode: AppInfo['mode'];
  /** The app's resources folder (built-in templates and lessons). */
  resourcesDir: string;
  env?: Record<string, string | undefined>;
  /** How often the engines are checked; the status bar must turn within 5 s. */
  healthIntervalMs?: number;
}

/** A console opened before any view has measured it; the view's first resize corrects it. */
const defaultConsoleSize = { cols: 100, rows: 30 };

export interface Lab {
  router: Router;
  events: EventHub;
  /** Stops monitors and closes engine connections. */
  dispose(): Promise<void>;
}

/** Composition root of the lab core. Never imports electron: the browser-mode server uses it too. */
export async function createLab(config: LabConfig): Promise<Lab> {
  const env = config.env ?? process.env;
  const log = createLogger('lab');
  const paths = labPaths(env);
  const events = new EventHub();

  const docker = new DockerConnection(env);
  const libvirt = new LibvirtConnection(env['TWINLAB_LIBVIRT_URI']);
  let hostReport: Promise<HostReport> | undefined;
  const enginesStatus = (): EnginesStatus => ({ docker: dockerHealth.status, libvirt: libvirtHealth.status });
  const onEngineChange = () => {
    hostReport = undefined; // engine checks in the report are stale now
    const status = enginesStatus();
    log.info(`engines: docker ${status.docker.state}, libvirt ${status.libvirt.state}`);
    events.emit('engines.status', status);
  };
  const interval = config.healthIntervalMs ?? 1500;
  const dockerHealth = new HealthMonitor(docker, interval, onEngineChange);
  const libvirtHealth = new HealthMonitor(libvirt, interval, onEngineChange);
  // Not awaited: the first libvirt check runs `virsh version`, which takes seconds; until then
  // the engines show as "connecting".
  void dockerHealth.start();
  void libvirtHealth.start();

  const mirrors = new MirrorService(new MirrorSettings(env, paths.config), () => docker.client);
  const puller = new ImagePuller({ registryMirror: mirrors.registryMirror, httpMirror: mirrors.httpMirror });
  const containers = new ContainerService({
    docker: () => docker.client,
    log: createLogger('containers'),
    puller,
  });
  const images = new ImageService({ docker: () => docker.client, puller });
  const operations = new Operations((progress) => events.emit('operation.progress', progress));
  const storage = vmStorage(
    paths,
    { uid: process.getuid?.(), libvirtUri: libvirt.endpoint() },
    env['TWINLAB_STATE_DIR'] || undefined,
  );
  const imageCache = new ImageCache(
    storage.images,
    realHostCapacity.freeDiskBytes,
    undefined,
    mirrors.httpMirror,
  );
  const vms = new VmService({
    libvirt,
    dataDir: storage.vms,
    images: imageCache,
    userland: new UserlandBuilder({
      docker: () => docker.client,
      kernels: imageCache,
      dir: join(imageCache.dir, 'userland'),
      pull: (image, options) => images.pull(image, options),
    }),
    accelerator: async () => (await collectHostFacts(realHostProbe).accelerator()).accelerator,
    log: createLogger('vms'),
  });
  const share = new ShareService(
    new ShareServer({
      catalog: () => loadCatalog(templateDirs),
      images: imageCache,
      docker: () => docker.client,
      log: createLogger('share'),
    }),
    env['TWINLAB_SHARE_HOST'] || undefined,
  );
  const vmWatcher = vms.watch(() => events.emit('guests.changed', {}), { intervalMs: 1000 });
  const boots = new BootWatch((record) => events.emit('vm.booted', record));
  const prompts = new PromptWatch();
  const taps = new OutputTaps();
  const consoles = new ConsoleManager({
    onOutput: (sessionId, text) => {
      boots.feed(sessionId, text);
      prompts.feed(sessionId, text);
      taps.feed(sessionId, text);
    },
    onData: (sessionId, data, offset) => events.emit('console.data', { sessionId, data, offset }),
    onState: (sessionId, state, detail) => {
      events.emit('console.state', { sessionId, state, ...(detail && { detail }) });
      if (state === 'closed') {
        taps.forget(sessionId);
        runner.forget(sessionId);
      }
      // Lost because the container restarted: it may be running again before we noticed the end,
      // in which case its "started" event came too early to help. Try at once; if it is not
      // running, the next start event or the event stream coming back will.
      if (state === 'disconnected' && detail?.reason === 'lost')
        reconnectConsoles((_owner, id) => id === sessionId);
    },
  });
  const onContainerSignal = (signal: WatchSignal) => {
    if (signal.type === 'disconnected') return;
    if (signal.type === 'change') {
      events.emit('guests.changed', { id: signal.change.id });
      // A console whose container restarted picks up the new run by itself.
      if (signal.change.kind === 'started') reconnectConsolesOf(signal.change.id);
    } else {
      // The stream is back after a gap (dockerd restarted): starts in the gap were not seen.
      events.emit('guests.changed', {});
      reconnectConsoles(() => true);
    }
  };
  const reconnectConsolesOf = (containerId: string) =>
    reconnectConsoles(
      (owner) => owner === `container:${containerId}` || owner === `container-logs:${containerId}`,
    );
  const reconnectConsoles = (matches: (owner: string, sessionId: string) => boolean) => {
    for (const session of consoles.list()) {
      if (
        session.state === 'disconnected' &&
        session.owner !== undefined &&
        matches(session.owner, session.id)
      ) {
        // A container that is not running (yet) refuses; the session stays disconnected until it starts.
        consoles
          .reconnect(session.id)
          .catch((error: unknown) => log.debug(`console reconnect: ${String(error)}`));
      }
    }
  };

  const stopWatching = containers.watchEvents(onContainerSignal);
  // System containers (LXD/Incus): optional, so their absence only leaves their column out.
  const systems = new SystemLab({
    env,
    consoles,
    healthIntervalMs: interval,
    onGuestsChanged: (id) => events.emit('guests.changed', id === undefined ? {} : { id }),
    onStatus: (status) => {
      hostReport = undefined; // the LXD check in the report is stale now
      log.info(`engines: lxd ${status.state}`);
    },
    log: createLogger('systems'),
    images: { httpMirror: mirrors.httpMirror, downloadDir: `${paths.cache}/system-images` },
  });

  const templateDirs: TemplateDir[] = [
    { dir: join(config.resourcesDir, 'templates'), source: 'builtin' },
    { dir: paths.userTemplates, source: 'user' },
    ...(env['TWINLAB_EXTRA_TEMPLATES']
      ? [{ dir: env['TWINLAB_EXTRA_TEMPLATES'], source: 'extra' as const }]
      : []),
  ];
  const lessonDirs: LessonDir[] = [
    { dir: join(config.resourcesDir, 'lessons'), source: 'builtin' },
    { dir: paths.userLessons, source: 'user' },
    ...(env['TWINLAB_EXTRA_LESSONS']
      ? [{ dir: env['TWINLAB_EXTRA_LESSONS'], source: 'extra' as const }]
      : []),
  ];

  // Every console into a guest passes the ownership guard first: console.open, console.run,
  // lessons and twin creation all open through these two.
  const openVmConsoleById = async (id: string, size: { cols: number; rows: number }) =>
    openVmConsole(consoles, libvirt.endpoint(), await vms.consoleTarget(id), size);
  const openContainerConsoleById = async (id: string, size: { cols: number; rows: number }) => {
    await containers.assertManaged(id);
    return openContainerConsole(consoles, docker.client, id, size);
  };

  /** Attached before start so the first prompt is caught; the returned function starts the ready timer. */
  const attachContainerConsole = async (containerId: string) => {
    const session = await openContainerConsoleById(containerId, defaultConsoleSize).catch(
      () => undefined, // the console can still be opened later
    );
    return () => session && prompts.arm(session.id, containerId);
  };
  const accelerator = async () => (await collectHostFacts(realHostProbe).accelerator()).accelerator;
  const twinDeps: TwinCreatorDeps = {
    catalog: () => loadCatalog(templateDirs),
    containers,
    vms,
    runtimes: () => docker.runtimes(),
    host: realHostCapacity,
    attachContainerConsole,
    systems: {
      unavailableReason: () => systems.unavailableReason(),
      service: systems.service,
      attachConsole: async (id, startedAtMs) => {
        const session = await systems.openConsole(id, defaultConsoleSize);
        prompts.arm(session.id, id, startedAtMs);
      },
    },
    bootVm: async (guest, readyPattern) => {
      const session = await openVmConsoleById(guest.id, defaultConsoleSize);
      boots.arm(session.id, guest, readyPattern);
      return vms.resume(guest.id);
    },
    log: createLogger('twins'),
  };
  const openHost = (size: { cols: number; rows: number }) => openHostConsole(consoles, env, size);
  const runner = new ConsoleRunner({
    consoles,
    taps,
    open: (target) => {
      if (target.kind === 'vm') return openVmConsoleById(target.guestId, defaultConsoleSize);
      if (target.kind === 'host') return openHost(defaultConsoleSize);
      if (target.kind === 'system') return systems.openConsole(target.guestId, defaultConsoleSize);
      return openContainerConsoleById(target.guestId, defaultConsoleSize);
    },
  });
  const live = new LiveSampler({
    docker: () => docker.client,
    hypervisor: () => libvirt.hypervisor(),
    libvirtUri: () => libvirt.endpoint(),
    log: createLogger('live'),
  });
  const compare = new CompareService({
    docker: () => docker.client,
    containers,
    vms,
    ready: new ReadyTimes(prompts, boots),
    libvirtUri: () => libvirt.endpoint(),
    accelerator,
    engines: enginesStatus,
    runtimes: () => docker.runtimes(),
    systems: systems.service,
  });

  const checkHost = () =>
    runHostChecks({
      docker: { status: () => dockerHealth.status, runtimes: () => docker.runtimes() },
      libvirt: {
        status: () => libvirtHealth.status,
        uri: () => libvirt.endpoint(),
        virsh: (args) => virsh(libvirt.endpoint(), args),
      },
      cacheDir: paths.cache,
      lxd: { status: () => systems.health.status },
      mirrors: () => mirrors.status(),
    });

  const router = createRouter(
    {
      'app.info': async () => ({
        version: config.version,
        mode: config.mode,
        hostLocale: hostLocale(env),
        platform: `${process.platform}-${process.arch}`,
      }),
      'engines.status': async () => enginesStatus(),
      'host.check': async ({ refresh }) => {
        if (refresh) {
          await Promise.all([dockerHealth.checkNow(), libvirtHealth.checkNow(), systems.health.checkNow()]);
          hostReport = undefined;
        }
        const report = (hostReport ??= checkHost().catch((error: unknown) => {
          hostReport = undefined; // do not cache a failure; the next call tries again
          throw error;
        }));
        return report;
      },
      'templates.list': () => loadCatalog(templateDirs),
      'guests.list': async () => {
        // One engine being down must not hide the other's guests.
        const lists = await Promise.allSettled([containers.list('all'), systems.service.list(), vms.list()]);
        const listed = lists.flatMap((list) => (list.status === 'fulfilled' ? list.value : []));
        const failed = lists.find((list) => list.status === 'rejected');
        if (failed && listed.length === 0 && lists.every((list) => list.status === 'rejected'))
          throw failed.reason;
        return listed;
      },
      ...containerHandlers(containers, images, operations, async (id) =>
        (await attachContainerConsole(id))(),
      ),
      ...systemHandlers({
        service: systems.service,
        operations,
        catalog: () => loadCatalog(templateDirs),
        attachConsole: async (id, startedAtMs) =>
          prompts.arm((await systems.openConsole(id, defaultConsoleSize)).id, id, startedAtMs),
      }),
      ...shareHandlers(share),
      ...mirrorHandlers(mirrors),
      ...consoleHandlers(
        consoles,
        () => docker.client,
        {
          container: openContainerConsoleById,
          vm: openVmConsoleById,
          host: openHost,
          system: (name, size) => systems.openConsole(name, size),
        },
        runner,
      ),
      ...compareHandlers({ twins: twinDeps, operations, compare, live }),
      ...twinHandlers(
        twinLifecycle({
          containers,
          vms,
          systems: systems.service,
          consoles,
          startVm: (id) => router.call('vms.action', { id, action: 'start' }),
          changed: () => events.emit('guests.changed', {}),
        }),
      ),
      ...lessonHandlers(lessonDirs),
      ...lessonRunnerHandlers({
        dirs: lessonDirs,
        guests: async () =>
          (await Promise.allSettled([containers.list('all'), systems.service.list(), vms.list()])).flatMap(
            (list) => (list.status === 'fulfilled' ? list.value : []),
          ),
        catalog: () => loadCatalog(templateDirs),
        calls: {
          run: ({ targets, command, timeoutMs }) => runner.run(targets, command, timeoutMs ?? 10_000),
          measure: (guestIds) => compare.measure(guestIds),
        },
        progress: new LessonProgressStore(join(paths.data, 'lesson-progress.json')),
        prepare: {
          imagePresent: (image) =>
            docker.client
              .getImage(image)
              .inspect()
              .then(
                () => true,
                () => false,
              ),
          pull: (image, options) => images.pull(image, options),
          vmImageCached: (image) =>
            vms.images
              .digestOf(image)
              .then((digest) => vms.images.find(digest, image.format))
              .then(Boolean, () => false),
          downloadVmImage: (image, options) => vms.images.ensure(image, options),
        },
        operations,
        folders: {
          user: paths.userLessons,
          ...(env['TWINLAB_EXTRA_LESSONS'] && { extra: env['TWINLAB_EXTRA_LESSONS'] }),
        },
      }),
      ...vmHandlers({
        vms,
        operations,
        catalog: () => loadCatalog(templateDirs),
        boots,
        openConsole: (id) => openVmConsoleById(id, defaultConsoleSize),
        userTemplates: paths.userTemplates,
      }),
    },
    createLogger('api'),
  );

  return {
    router,
    events,
    async dispose() {
      stopWatching();
      vmWatcher.stop();
      live.stop();
      operations.cancelAll();
      await share.stop();
      await consoles.closeAll();
      dockerHealth.stop();
      libvirtHealth.stop();
      systems.dispose();
      await libvirt.close();
    },
  };
}
