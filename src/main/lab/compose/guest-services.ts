import { join } from 'node:path';
import type { Accelerator } from '@shared/host';
import type { TemplateCatalog } from '../catalog/catalog';
import { ContainerService, ImageService } from '../containers';
import type { LabEngines } from '../engines/lab-engines';
import { ImageCache, ImagePuller } from '../images';
import { MirrorService } from '../images/mirror-service';
import { MirrorSettings } from '../images/mirror-settings';
import { createLogger } from '../log';
import type { LabPaths } from '../paths';
import { ShareServer } from '../sharing/share-server';
import { ShareService } from '../sharing/share-service';
import { UserlandBuilder } from '../userland/userland-builder';
import { vmStorage } from '../vm-storage';
import { realHostCapacity, VmService } from '../vms';

/**
 * The services that make and run guests on Docker and libvirt, and the image layer under them:
 * mirrors, the puller, container images and the VM image cache (the same-userland builder uses
 * both), and Share my images, which serves that cache to other Twinlabs.
 */
export function guestServices({
  env,
  paths,
  engines,
  templates,
  accelerator,
}: {
  env: Record<string, string | undefined>;
  paths: LabPaths;
  engines: LabEngines;
  templates: TemplateCatalog;
  accelerator: () => Promise<Accelerator>;
}) {
  const { libvirt } = engines;
  const docker = () => engines.docker.client;
  const mirrors = new MirrorService(new MirrorSettings(env, paths.config), docker);
  const puller = new ImagePuller({ registryMirror: mirrors.registryMirror, httpMirror: mirrors.httpMirror });
  const containers = new ContainerService({ docker, log: createLogger('containers'), puller });
  const images = new ImageService({ docker, puller });
  const storage = vmStorage(
    paths,
    { uid: process.getuid?.(), libvirtUri: libvirt.endpoint() },
    env['TWINLAB_STATE_DIR'] || undefined,
  );
  const vmImages = new ImageCache(
    storage.images,
    realHostCapacity.freeDiskBytes,
    undefined,
    mirrors.httpMirror,
  );
  const userland = new UserlandBuilder({
    docker,
    kernels: vmImages,
    dir: join(vmImages.dir, 'userland'),
    pull: (image, options) => images.pull(image, options),
  });
  const vms = new VmService({
    libvirt,
    dataDir: storage.vms,
    images: vmImages,
    userland,
    accelerator,
    log: createLogger('vms'),
  });
  const share = new ShareService(
    new ShareServer({
      catalog: () => templates.list(),
      images: vmImages,
      docker,
      log: createLogger('share'),
    }),
    env['TWINLAB_SHARE_HOST'] || undefined,
  );
  return { mirrors, containers, images, vmImages, vms, share };
}
