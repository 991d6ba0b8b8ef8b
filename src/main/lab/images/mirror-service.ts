import type Docker from 'dockerode';
import { ApiError } from '@shared/errors';
import type { MirrorConfig, MirrorStatus } from '@shared/mirrors';
import { dockerMirrors as dockerRegistryMirrors } from './image-puller';
import { probeHttpMirror, probeRegistryMirror } from './mirror-probe';
import type { ActiveMirror, MirrorSettings } from './mirror-settings';

/** The mirror setting for the rest of the lab: what downloads and pulls use, and what the Host page shows. */
export class MirrorService {
  constructor(
    private readonly settings: MirrorSettings,
    private readonly docker: () => Docker,
  ) {}

  /** The HTTP mirror for downloads; an invalid setting refuses the download with its sentence. */
  readonly httpMirror = async (): Promise<string | undefined> => (await this.settings.active()).config.http;

  readonly registryMirror = async (): Promise<string | undefined> =>
    (await this.settings.active()).config.registry;

  /** The setting in use, where it came from, and whether each mirror answers now. Never throws for a bad setting. */
  async status(): Promise<MirrorStatus> {
    const dockerMirrors = await dockerRegistryMirrors(this.docker());
    let active: ActiveMirror;
    try {
      active = await this.settings.active();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return { source: 'none', problem: error.toData(), dockerMirrors, probes: {} };
    }
    const { http, registry } = active.config;
    const [httpProbe, registryProbe] = await Promise.all([
      http === undefined ? undefined : probeHttpMirror(http),
      registry === undefined ? undefined : probeRegistryMirror(registry),
    ]);
    return {
      source: active.source,
      ...(active.file !== undefined && { file: active.file }),
      ...(http !== undefined && { http }),
      ...(registry !== undefined && { registry }),
      dockerMirrors,
      probes: { ...(httpProbe && { http: httpProbe }), ...(registryProbe && { registry: registryProbe }) },
    };
  }

  async save(config: MirrorConfig): Promise<MirrorStatus> {
    await this.settings.save(config);
    return this.status();
  }

  async clear(): Promise<MirrorStatus> {
    await this.settings.clear();
    return this.status();
  }
}
