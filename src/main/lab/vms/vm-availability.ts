import type { Catalog } from '@shared/template';
import type { VmTemplateAvailability } from '@shared/vm-availability';
import type { ImageCache } from '../images';

export interface VmAvailabilityDeps {
  catalog: () => Promise<Catalog>;
  images: Pick<ImageCache, 'cached'>;
  /** The HTTP mirror in use, if any: downloads come from it instead of the image's server. */
  httpMirror: () => Promise<string | undefined>;
  /** Whether a host answers on a TCP port at all (DNS, route, TCP), within a short time. */
  reach: (address: { host: string; port: number }) => Promise<boolean>;
}

/**
 * For every template with a cloud image (or the ones asked for): cached, downloadable now, or not.
 * Nothing is downloaded; each server is probed once per call. Templates that boot a kernel or the
 * container's userland are not listed: their files are checked when the VM is created.
 */
export async function vmAvailability(
  deps: VmAvailabilityDeps,
  templateIds?: readonly string[],
): Promise<VmTemplateAvailability[]> {
  const templates = (await deps.catalog()).entries
    .map((entry) => entry.template)
    .filter((template) => templateIds === undefined || templateIds.includes(template.id))
    .flatMap((template) => (template.vm?.image ? [{ id: template.id, image: template.vm.image }] : []));
  const mirror = await deps.httpMirror();
  const probes = new Map<string, Promise<boolean>>();
  const reachable = (address: { host: string; port: number }) => {
    const key = `${address.host}:${address.port}`;
    let probe = probes.get(key);
    if (!probe) probes.set(key, (probe = deps.reach(address)));
    return probe;
  };
  return Promise.all(
    templates.map(async ({ id, image }): Promise<VmTemplateAvailability> => {
      if (await deps.images.cached(image)) return { templateId: id, state: 'cached' };
      const from = mirror ?? image.url;
      // An imported image (no url) that is not in the cache can only be imported again.
      if (from === undefined) return { templateId: id, state: 'unreachable' };
      const address = addressOf(from);
      const source = { kind: mirror ? ('mirror' as const) : ('upstream' as const), host: address.label };
      return { templateId: id, state: (await reachable(address)) ? 'reachable' : 'unreachable', source };
    }),
  );
}

function addressOf(url: string): { host: string; port: number; label: string } {
  const parsed = new URL(url);
  const port = parsed.port ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80;
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port, label: parsed.host };
}
