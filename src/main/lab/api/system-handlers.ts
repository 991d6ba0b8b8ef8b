import type { SystemSpec } from '@shared/systems';
import type { TemplateCatalog } from '../catalog/catalog';
import type { Handlers } from '../router';
import type { Operations } from '../operations';
import { systemError } from '../system-containers/errors';
import { instanceBody, instanceYaml, launchCommand } from '../system-containers/instance-body';
import { inspectSystem, listSystemImages } from '../system-containers/system-details';
import { changeSnapshot, listSnapshots } from '../system-containers/system-snapshots';
import type {
  SystemContainerService,
  SystemCreateRequest,
} from '../system-containers/system-container-service';

type SystemMethods =
  | 'systems.action'
  | 'systems.images'
  | 'systems.preview'
  | 'systems.create'
  | 'systems.stats'
  | 'systems.inspect'
  | 'systems.snapshots'
  | 'systems.snapshot';

export interface SystemHandlerDeps {
  service: SystemContainerService;
  operations: Operations;
  templates: Pick<TemplateCatalog, 'get'>;
  /** Opens the new instance's shell and starts its time-to-prompt clock (from the start call). */
  attachConsole: (id: string, startedAtMs: number) => Promise<void>;
}

/**
 * One system container at a time, for the New system container wizard and its guest page. A
 * template source brings its image and limits (the wizard's limits win); an image source is an
 * alias or fingerprint already in LXD's store and labels no template.
 */
export function systemHandlers({
  service,
  operations,
  templates,
  attachConsole,
}: SystemHandlerDeps): Pick<Handlers, SystemMethods> {
  const requestOf = async (spec: SystemSpec): Promise<SystemCreateRequest> => {
    const limits = {
      ...(spec.memoryMiB !== undefined && { memoryMiB: spec.memoryMiB }),
      ...(spec.cpus !== undefined && { cpus: spec.cpus }),
    };
    if (spec.source.kind === 'image')
      return { name: spec.name, templateId: '', system: { image: spec.source.image, ...limits } };
    const { templateId } = spec.source;
    const { system } = await templates.get(templateId);
    if (!system) throw systemError('templateHasNoSystem', { templateId });
    return { name: spec.name, templateId, system: { ...system, ...limits } };
  };

  return {
    'systems.action': ({ id, action }) => service.action(id, action),
    'systems.images': () => listSystemImages(service),
    'systems.preview': async ({ spec }) => {
      const request = await requestOf(spec);
      const { product, source, host } = await service.validate(request);
      const body = instanceBody(request, source);
      return {
        image: request.system.image,
        launch: launchCommand(product, body),
        yaml: instanceYaml(body),
        host,
      };
    },
    'systems.create': ({ spec, operationId }) =>
      operations.run(operationId, async (signal, progress) => {
        progress({ step: 'validating' });
        const request = await requestOf(spec);
        let startedAtMs = Date.now();
        const guest = await service
          .create(request, {
            signal,
            onStep: (step) => {
              if (step === 'starting') startedAtMs = Date.now();
              progress({ step });
            },
            onDownload: (download) => progress({ step: 'downloading', download }),
          })
          .catch((error: unknown) => {
            throw signal.aborted ? systemError('cancelled', { name: spec.name }) : error;
          });
        // The console can still be opened from the guest page if this fails.
        await attachConsole(guest.id, startedAtMs).catch(() => undefined);
        return guest;
      }),
    'systems.stats': async ({ id }) => ({ ...(await service.stats(id)), at: new Date().toISOString() }),
    'systems.inspect': ({ id }) => inspectSystem(service, id),
    'systems.snapshots': ({ id }) => listSnapshots(service, id),
    'systems.snapshot': ({ id, action, snapshot }) => changeSnapshot(service, id, action, snapshot),
  };
}
