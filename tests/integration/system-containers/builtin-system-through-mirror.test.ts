/**
 * The built-in Debian 12 system container (resources/templates/debian-12-system.yaml: remote
 * images, image debian/12) created offline on the real LXD through the machine's mirror setting
 * (/etc/xdg/twinlab/mirrors.yaml, written by build-mirror.sh), whose HTTP mirror serves a
 * stand-in of images.linuxcontainers.org's simplestreams (publish-simplestreams.sh). Twinlab reads
 * the stream, downloads both files with progress and checksums, imports them into LXD's store and
 * boots the instance: systemd is PID 1. Afterwards the image is used from the store without any
 * server, and the test removes the image it imported. Locally skipped without LXD or the mirror;
 * under CI either missing fails the run.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/errors';
import type { TransferProgress } from '../../../src/shared/vms';
import type { SystemSide } from '../../../src/shared/template';
import { loadCatalog } from '../../../src/main/lab/catalog/load-templates';
import { LxdConnection } from '../../../src/main/lab/engines/lxd/connection';
import { MirrorSettings } from '../../../src/main/lab/images/mirror-settings';
import {
  localAlias,
  RemoteSystemImages,
  type RemoteSystemSide,
} from '../../../src/main/lab/system-containers/remote-images';
import { SystemContainerService } from '../../../src/main/lab/system-containers/system-container-service';
import { engineGate } from '../../support/engines';
import { lxc, systemdBootState } from '../../support/lxd';

const gate = await engineGate(['lxd']);

const stream = 'http://127.0.0.1:8787/images.linuxcontainers.org/streams/v1/index.json';
const mirrorServes = await fetch(stream, { signal: AbortSignal.timeout(3000) }).then(
  async (response) => {
    await response.body?.cancel(); // never left paused (nodejs/undici#5360)
    return response.ok;
  },
  () => false,
);
if (!mirrorServes && process.env['CI'])
  throw new Error(`CI requires the simplestreams stand-in at ${stream}: run scripts/build-mirror.sh`);
if (!mirrorServes)
  console.warn(`SKIPPED: no simplestreams stand-in at ${stream}; run scripts/build-mirror.sh`);

const name = `tl-it-debmirror-${process.pid.toString(36)}`;

describe.skipIf(gate.skip || !mirrorServes)('a built-in system container through the HTTP mirror', () => {
  const connection = new LxdConnection(process.env);
  let work: string;
  let downloads: string;
  let system: RemoteSystemSide;
  let images: RemoteSystemImages;
  let service: SystemContainerService;
  const fingerprintOf = async (alias: string) =>
    (JSON.parse(await lxc('query', `/1.0/images/aliases/${alias}`)) as { target: string }).target;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'twinlab-system-mirror-'));
    downloads = join(work, 'system-images');
    const catalog = await loadCatalog([
      { dir: join(import.meta.dirname, '../../../resources/templates'), source: 'builtin' },
    ]);
    const side: SystemSide | undefined = catalog.entries.find(
      (entry) => entry.template.id === 'debian-12-system',
    )?.template.system;
    if (!side?.remote) throw new Error('debian-12-system has no remote system side');
    system = { ...side, remote: side.remote };
    // The machine's mirror file as a plain `npm run serve` reads it; no user file, no TWINLAB_MIRROR.
    const settings = new MirrorSettings(
      { XDG_CONFIG_DIRS: process.env['XDG_CONFIG_DIRS'] },
      join(work, 'config'),
    );
    const product = async () => (await connection.server()).product;
    images = new RemoteSystemImages({
      client: () => connection.client,
      product,
      httpMirror: async () => (await settings.active()).config.http,
      downloadDir: downloads,
    });
    service = new SystemContainerService({
      client: () => connection.client,
      server: () => connection.server(),
      remoteImages: images,
    });
    // An image an earlier run imported would make this run skip the download it is here to prove.
    const earlier = await fingerprintOf(localAlias(system)).catch(() => undefined);
    if (earlier) await lxc('image', 'delete', earlier);
  }, 120_000);

  afterAll(async () => {
    await lxc('delete', '--force', name).catch(() => undefined);
    const imported = await fingerprintOf(localAlias(system)).catch(() => undefined);
    if (imported) await lxc('image', 'delete', imported).catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  }, 120_000);

  it('refuses an image the mirror does not hold, before making anything', async () => {
    const refused = await images.ensure({ ...system, image: 'alpine/3.22' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).key).toBe('systems.image.notOnServer');
    expect((refused as ApiError).message).toContain('http://127.0.0.1:8787/images.linuxcontainers.org/');
    expect(await lxc('image', 'list', '--format', 'csv', '-c', 'l')).not.toContain('alpine/3.22');
  }, 60_000);

  it('imports nothing when the download is cancelled, and keeps what arrived for the next try', async () => {
    const cancel = new AbortController();
    const refused = await images
      .ensure(system, { signal: cancel.signal, onProgress: () => cancel.abort() })
      .catch((error: unknown) => error);
    expect((refused as ApiError).key).toBe('vms.error.downloadCancelled');
    expect(await fingerprintOf(localAlias(system)).catch(() => 'none')).toBe('none');
    // The metadata arrived whole; the rootfs waits as a .part file, resumed by the next try.
    expect((await readdir(downloads)).some((file) => file.endsWith('.part'))).toBe(true);
  }, 60_000);

  it('downloads, verifies and imports debian/12 from the stream, then boots it with systemd as PID 1', async () => {
    const expected = await images.find(system);
    const progress: TransferProgress[] = [];
    const started = performance.now();
    const guest = await service.create(
      { name, templateId: 'debian-12-system', system },
      { onDownload: (each) => progress.push(each) },
    );
    const createdMs = Math.round(performance.now() - started);
    expect(guest).toMatchObject({ id: name, kind: 'system', state: 'running', managed: true });
    // LXD fingerprints the metadata and rootfs together: the same as the stream's combined SHA-256.
    expect(await fingerprintOf(localAlias(system))).toBe(expected.fingerprint);
    expect(progress.at(-1)?.receivedBytes).toBe(expected.rootfs.size);
    expect(await readdir(downloads)).toEqual([]); // both files went into LXD's store, none kept twice
    expect((await lxc('exec', name, '--', 'cat', '/proc/1/comm')).trim()).toBe('systemd');
    const state = await systemdBootState(name);
    expect(state).toMatch(/^(running|degraded)$/);
    console.info(`debian/12 through the mirror: created and running in ${createdMs} ms`);
  }, 180_000);

  it('creates again from LXD’s store alone, with the mirror gone', async () => {
    const offline = new RemoteSystemImages({
      client: () => connection.client,
      product: async () => 'LXD',
      httpMirror: async () => 'http://127.0.0.1:9', // nothing listens on the discard port
      downloadDir: downloads,
    });
    expect(await offline.ensure(system)).toBe(localAlias(system));
  }, 60_000);
});
