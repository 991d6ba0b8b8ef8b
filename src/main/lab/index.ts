import { join } from 'node:path';
import type { AppInfo } from '@shared/api';
import type { EnginesStatus } from '@shared/engines';
import type { HostReport } from '@shared/host';
import { loadCatalog, type TemplateDir } from './catalog/load-templates';
import { runHostChecks } from './doctor';
import { DockerConnection } from './engines/docker/connection';
import { HealthMonitor } from './engines/health-monitor';
import { LibvirtConnection } from './engines/libvirt/connection';
import { virsh } from './engines/libvirt/virsh';
import { EventHub } from './events';
import { hostLocale } from './host-locale';
import { createLogger } from './log';
import { labPaths } from './paths';
import { createRouter, type Router } from './router';

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

  const templateDirs: TemplateDir[] = [
    { dir: join(config.resourcesDir, 'templates'), source: 'builtin' },
    { dir: paths.userTemplates, source: 'user' },
    ...(env['TWINLAB_EXTRA_TEMPLATES'] ? [{ dir: env['TWINLAB_EXTRA_TEMPLATES'], source: 'extra' as const }] : []),
  ];

  const checkHost = () =>
    runHostChecks({
      docker: { status: () => dockerHealth.status, runtimes: () => docker.runtimes() },
      libvirt: {
        status: () => libvirtHealth.status,
        uri: () => libvirt.endpoint(),
        virsh: (args) => virsh(libvirt.endpoint(), args),
      },
      cacheDir: paths.cache,
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
          await Promise.all([dockerHealth.checkNow(), libvirtHealth.checkNow()]);
          hostReport = undefined;
        }
        const report = (hostReport ??= checkHost().catch((error: unknown) => {
          hostReport = undefined; // do not cache a failure; the next call tries again
          throw error;
        }));
        return report;
      },
      'templates.list': () => loadCatalog(templateDirs),
    },
    createLogger('api'),
  );

  return {
    router,
    events,
    async dispose() {
      dockerHealth.stop();
      libvirtHealth.stop();
      await libvirt.close();
    },
  };
}
