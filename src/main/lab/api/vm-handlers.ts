import type { TemplateCatalog } from '../catalog/catalog';
import type { ReadyConsoles } from '../consoles/ready-consoles';
import type { Handlers } from '../router';
import type { Operations } from '../operations';
import type { VmService } from '../vms';
import type { BootWatch } from '../vms/boot-watch';
import { vmError } from '../vms/errors';
import { importVmImage } from '../vms/vm-import';
import { userlandSource } from '../userland/userland-source';

type VmMethods =
  | 'vms.preview'
  | 'vms.create'
  | 'vms.action'
  | 'vms.xml'
  | 'vms.stats'
  | 'vms.leftovers'
  | 'vms.cleanupLeftovers'
  | 'vms.bootTimes'
  | 'vms.login'
  | 'vms.importImage';

export interface VmHandlerDeps {
  vms: VmService;
  operations: Operations;
  templates: TemplateCatalog;
  boots: BootWatch;
  /** Attaches the serial console, arms the boot timer, then lets the paused vCPUs run. */
  ready: Pick<ReadyConsoles, 'bootVm'>;
  /** Where imported images' templates are written (the catalog's user folder). */
  userTemplates: string;
}

/**
 * Starting a VM goes through its console: the VM starts with paused vCPUs, the serial console
 * attaches, a boot timer is armed, and only then do the vCPUs run — so the console shows the
 * first line of boot output and the boot time starts with the guest, not with our bookkeeping.
 */
export function vmHandlers({
  vms,
  operations,
  templates,
  boots,
  ready,
  userTemplates,
}: VmHandlerDeps): Pick<Handlers, VmMethods> {
  const templateVm = async (templateId: string) => {
    const template = await templates.get(templateId);
    if (!template.vm) throw vmError('templateHasNoVm', { templateId });
    const userland = userlandSource(template);
    return { vm: template.vm, ...(userland && { userland }) };
  };
  return {
    'vms.preview': async ({ templateId, name, twinId }) => ({
      xml: await vms.previewXml({
        templateId,
        name,
        ...(await templateVm(templateId)),
        ...(twinId && { twinId }),
      }),
    }),
    'vms.create': ({ templateId, name, twinId, operationId }) =>
      operations.run(operationId, async (signal, progress) => {
        progress({ step: 'validating' });
        const side = await templateVm(templateId);
        const guest = await vms.create(
          { templateId, name, ...side, startPaused: true, ...(twinId && { twinId }) },
          { signal, onProgress: ({ step, download }) => progress({ step, ...(download && { download }) }) },
        );
        progress({ step: 'booting' });
        return ready.bootVm(guest, side.vm.readyPattern);
      }),
    'vms.action': async ({ id, action, timeoutSeconds }) => {
      switch (action) {
        case 'shutdown':
          return vms.shutdown(id, { timeoutMs: timeoutSeconds * 1000 });
        case 'start': {
          const guest = await vms.start(id, { paused: true });
          const side = await templateVm(guest.templateId).catch(() => undefined); // the template may be gone
          await (side ? ready.bootVm(guest, side.vm.readyPattern) : vms.resume(guest.id));
          return null;
        }
        case 'remove':
          await vms.remove(id);
          return null;
        default:
          await vms[action](id);
          return null;
      }
    },
    'vms.xml': async ({ id }) => ({ xml: await vms.domainXml(id) }),
    'vms.stats': ({ id }) => vms.stats(id),
    'vms.leftovers': () => vms.findLeftovers(),
    'vms.cleanupLeftovers': () => vms.cleanupLeftovers(),
    'vms.bootTimes': async () => boots.records(),
    'vms.login': ({ id }) => vms.login(id),
    'vms.importImage': (input) =>
      operations.run(input.operationId, (signal, progress) =>
        importVmImage(
          input,
          { images: vms.images, userTemplates, catalog: () => templates.list() },
          signal,
          progress,
        ),
      ),
  };
}
