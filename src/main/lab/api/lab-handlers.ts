import type { AppInfo } from '@shared/api';
import { join } from 'node:path';
import type { TemplateCatalog } from '../catalog/catalog';
import type { CompareService } from '../compare/compare-service';
import type { LiveSampler } from '../compare/live-sampler';
import type { ConsoleLab } from '../consoles/console-lab';
import type { ContainerService, ImageService } from '../containers';
import type { HostReportCache } from '../doctor/report-cache';
import type { GuestDirectory } from '../guests/directory';
import type { ImageCache } from '../images';
import type { MirrorService } from '../images/mirror-service';
import { hostLocale } from '../host-locale';
import type { LabEngines } from '../engines/lab-engines';
import { lessonDirs } from '../lessons/lesson-dirs';
import { LessonProgressStore } from '../lessons/progress-store';
import { CompareResultsStore } from '../compare/results-store';
import type { LabPaths } from '../paths';
import type { Operations } from '../operations';
import type { Router, Handlers } from '../router';
import type { EventHub } from '../events';
import type { ShareService } from '../sharing/share-service';
import type { SystemLab } from '../system-containers/system-lab';
import type { TwinCreatorDeps } from '../twins/twin-creator';
import { createLogger } from '../log';
import { twinLifecycle } from '../twins/twin-part-actions';
import { realHostCapacity, type VmService } from '../vms';
import { compareHandlers } from './compare-handlers';
import { consoleHandlers } from './console-handlers';
import { containerHandlers } from './container-handlers';
import { lessonHandlers } from './lesson-handlers';
import { lessonRunnerHandlers } from './lesson-runner-handlers';
import { mirrorHandlers } from './mirror-handlers';
import { shareHandlers } from './share-handlers';
import { systemHandlers } from './system-handlers';
import { twinHandlers } from './twin-handlers';
import { vmHandlers } from './vm-handlers';
import { vmAvailabilityHandlers } from './vm-availability-handlers';
import { canReachRegistry } from '../containers/registry-probe';
import { enginesStatus } from '../engines/engines-status';
import { checkpointHandlers } from './checkpoint-handlers';
import { labCheckpoints } from './lab-checkpoints';
import { densityHandlers } from './density-handlers';
import type { DensityService } from '../density/density-service';

/** Everything the lab made, as the API reaches it. */
export interface LabParts {
  app: Omit<AppInfo, 'hostLocale' | 'platform'>;
  env: Record<string, string | undefined>;
  /** The app's resources folder (built-in lessons). */
  resourcesDir: string;
  paths: LabPaths;
  events: Pick<EventHub, 'emit'>;
  engines: LabEngines;
  hostReport: HostReportCache;
  templates: TemplateCatalog;
  guests: GuestDirectory;
  containers: ContainerService;
  images: ImageService;
  vmImages: ImageCache;
  vms: VmService;
  systems: SystemLab;
  operations: Operations;
  share: ShareService;
  mirrors: MirrorService;
  consoles: ConsoleLab;
  compare: CompareService;
  live: LiveSampler;
  density: DensityService;
}

/** The router's table: each API method to the service that answers it. `call` is the router itself. */
export function labHandlers(lab: LabParts, call: Router['call']): Handlers {
  const extraLessons = lab.env['TWINLAB_EXTRA_LESSONS'];
  const lessons = lessonDirs(lab.resourcesDir, lab.paths.userLessons, extraLessons);
  const { ready, runner, targets } = lab.consoles;
  const checkpoints = labCheckpoints(lab);
  const compareResults = new CompareResultsStore(join(lab.paths.data, 'compare-results.json'));
  const twins: TwinCreatorDeps = {
    catalog: () => lab.templates.list(),
    containers: lab.containers,
    vms: lab.vms,
    runtimes: () => lab.engines.docker.runtimes(),
    host: realHostCapacity,
    attachContainerConsole: (id) => ready.container(id),
    systems: {
      unavailableReason: () => lab.systems.unavailableReason(),
      service: lab.systems.service,
      attachConsole: (id, startedAtMs) => ready.system(id, startedAtMs),
    },
    bootVm: (guest, readyPattern) => ready.bootVm(guest, readyPattern),
    log: createLogger('twins'),
  };
  return {
    'app.info': async () => ({
      ...lab.app,
      hostLocale: hostLocale(lab.env),
      platform: `${process.platform}-${process.arch}`,
    }),
    'engines.status': async () => enginesStatus(lab.engines, lab.systems.health),
    'host.check': ({ refresh }) => lab.hostReport.get(refresh),
    'templates.list': () => lab.templates.list(),
    'guests.list': () => lab.guests.list(),
    ...containerHandlers(lab.containers, lab.images, lab.operations, async (id) =>
      (await ready.container(id))(),
    ),
    ...systemHandlers({
      service: lab.systems.service,
      operations: lab.operations,
      templates: lab.templates,
      attachConsole: (id, startedAtMs) => ready.system(id, startedAtMs),
    }),
    ...shareHandlers(lab.share),
    ...mirrorHandlers(lab.mirrors),
    ...consoleHandlers(lab.consoles.manager, targets, runner, lab.consoles.probes),
    ...compareHandlers({
      twins,
      operations: lab.operations,
      compare: lab.compare,
      live: lab.live,
      results: compareResults,
    }),
    ...twinHandlers(
      twinLifecycle({
        containers: lab.containers,
        vms: lab.vms,
        systems: lab.systems.service,
        consoles: lab.consoles.manager,
        results: compareResults,
        startVm: (id) => call('vms.action', { id, action: 'start' }),
        changed: () => lab.events.emit('guests.changed', {}),
      }),
      // The twin is gone either way; what a down engine keeps now, the next forget's sweep removes.
      (twinId) => checkpoints.forget(twinId).catch(() => undefined),
    ),
    ...checkpointHandlers(checkpoints),
    ...densityHandlers(lab.density, lab.operations),
    ...vmAvailabilityHandlers({
      catalog: () => lab.templates.list(),
      images: lab.vmImages,
      httpMirror: lab.mirrors.httpMirror,
      reach: (address) => canReachRegistry(address),
    }),
    ...lessonHandlers(lessons),
    ...lessonRunnerHandlers({
      dirs: lessons,
      guests: () => lab.guests.listAnswering(),
      templates: lab.templates,
      calls: {
        // Checks run beside the consoles: nothing is typed into (or interrupts) the learner's shell.
        run: ({ targets: on, command, timeoutMs }) =>
          lab.consoles.probes.run(on, command, timeoutMs ?? 10_000),
        measure: (guestIds) => lab.compare.measure(guestIds),
      },
      progress: new LessonProgressStore(join(lab.paths.data, 'lesson-progress.json')),
      prepare: {
        imagePresent: (image) => lab.images.has(image),
        pull: (image, options) => lab.images.pull(image, options),
        vmImageCached: (image) => lab.vmImages.has(image),
        downloadVmImage: (image, options) => lab.vmImages.ensure(image, options),
      },
      operations: lab.operations,
      folders: { user: lab.paths.userLessons, ...(extraLessons && { extra: extraLessons }) },
    }),
    ...vmHandlers({
      vms: lab.vms,
      operations: lab.operations,
      templates: lab.templates,
      boots: lab.consoles.boots,
      ready,
      userTemplates: lab.paths.userTemplates,
    }),
  };
}
