import { describe, expect, it } from 'vitest';
import {
  findImage,
  imagesPath,
  productsSchema,
  streamArchitecture,
  streamIndexSchema,
} from '../../../src/main/lab/images/simplestreams';
import { localAlias, remoteServer } from '../../../src/main/lab/system-containers/remote-images';
import { remoteImageErrors } from '../../../src/main/lab/system-containers/remote-image-errors';
import { flatten, rendererCatalog } from '../../support/catalogs';

const hex = (digit: string) => digit.repeat(64);

/** Shaped like images.linuxcontainers.org's images.json: Incus and LXD metadata, squashfs and a VM disk. */
const products = productsSchema.parse({
  content_id: 'images',
  datatype: 'image-downloads',
  format: 'products:1.0',
  products: {
    'debian:bookworm:amd64:default': {
      aliases: 'debian/bookworm/default,debian/bookworm,debian/12/default,debian/12',
      arch: 'amd64',
      os: 'Debian',
      release: 'bookworm',
      release_title: 'bookworm',
      variant: 'default',
      versions: {
        '20261202_05:24': {
          items: {
            'lxd.tar.xz': {
              ftype: 'lxd.tar.xz',
              path: 'images/old/lxd.tar.xz',
              sha256: hex('1'),
              size: 1,
              combined_squashfs_sha256: hex('2'),
            },
            'root.squashfs': {
              ftype: 'squashfs',
              path: 'images/old/root.squashfs',
              sha256: hex('3'),
              size: 9,
            },
          },
        },
        '20261203_05:24': {
          items: {
            'incus.tar.xz': {
              ftype: 'incus.tar.xz',
              path: 'images/new/incus.tar.xz',
              sha256: hex('4'),
              size: 2,
              combined_squashfs_sha256: hex('5'),
              'combined_disk-kvm-img_sha256': hex('6'),
            },
            'disk.qcow2': {
              ftype: 'disk-kvm.img',
              path: 'images/new/disk.qcow2',
              sha256: hex('7'),
              size: 99,
            },
            'root.squashfs': {
              ftype: 'squashfs',
              path: 'images/new/root.squashfs',
              sha256: hex('8'),
              size: 10,
            },
          },
        },
      },
    },
    'debian:bookworm:arm64:default': {
      aliases: 'debian/bookworm,debian/12',
      arch: 'arm64',
      versions: {
        '20261203_05:24': {
          items: {
            'lxd.tar.xz': {
              ftype: 'lxd.tar.xz',
              path: 'arm/lxd.tar.xz',
              sha256: hex('a'),
              size: 1,
              combined_rootxz_sha256: hex('b'),
            },
            'root.tar.xz': { ftype: 'root.tar.xz', path: 'arm/root.tar.xz', sha256: hex('c'), size: 3 },
          },
        },
      },
    },
    'alpine:3.22:amd64:default': {
      aliases: 'alpine/3.22',
      arch: 'amd64',
      versions: {
        '20261203_05:24': {
          // A VM-only version: no container root file, so there is no container image.
          items: {
            'lxd.tar.xz': { ftype: 'lxd.tar.xz', path: 'alpine/lxd.tar.xz', sha256: hex('d'), size: 1 },
            'disk.qcow2': { ftype: 'disk-kvm.img', path: 'alpine/disk.qcow2', sha256: hex('e'), size: 5 },
          },
        },
      },
    },
  },
});

describe('simplestreams', () => {
  it('finds the images list in the index', () => {
    const index = streamIndexSchema.parse({
      format: 'index:1.0',
      index: { images: { datatype: 'image-downloads', path: 'streams/v1/images.json', products: [] } },
    });
    expect(imagesPath(index)).toBe('streams/v1/images.json');
    expect(imagesPath(streamIndexSchema.parse({ index: {} }))).toBeUndefined();
  });

  it('picks the newest container image of an alias on this architecture, with its LXD fingerprint', () => {
    expect(findImage(products, 'debian/12', 'amd64')).toEqual({
      product: 'debian:bookworm:amd64:default',
      version: '20261203_05:24',
      description: 'Debian bookworm (20261203_05:24)',
      fingerprint: hex('5'),
      metadata: { path: 'images/new/incus.tar.xz', sha256: hex('4'), size: 2 },
      rootfs: { path: 'images/new/root.squashfs', sha256: hex('8'), size: 10 },
    });
  });

  it('takes a root tarball when there is no squashfs, fingerprinted as LXD does', () => {
    expect(findImage(products, 'debian/bookworm', 'arm64')).toMatchObject({
      fingerprint: hex('b'),
      rootfs: { path: 'arm/root.tar.xz' },
    });
  });

  it('finds nothing for an unknown alias, an alias prefix, another architecture or a VM-only image', () => {
    expect(findImage(products, 'debian/13', 'amd64')).toBeUndefined();
    expect(findImage(products, 'debian', 'amd64')).toBeUndefined();
    expect(findImage(products, 'debian/12', 'riscv64')).toBeUndefined();
    expect(findImage(products, 'alpine/3.22', 'amd64')).toBeUndefined();
  });

  it('names architectures as Debian does', () => {
    expect(streamArchitecture('x64')).toBe('amd64');
    expect(streamArchitecture('arm64')).toBe('arm64');
  });
});

describe('remote system images', () => {
  it('keep the server’s host and alias as their name in LXD’s store, whichever mirror they came through', () => {
    expect(remoteServer('images')).toBe('https://images.linuxcontainers.org');
    expect(localAlias({ remote: 'images', image: 'debian/12' })).toBe('images.linuxcontainers.org/debian/12');
    expect(localAlias({ remote: 'https://mirror.example:8443/lxc/', image: 'alpine/3.22' })).toBe(
      'mirror.example/alpine/3.22',
    );
  });

  it('ship their error sentences in the English catalog', () => {
    const shipped = Object.fromEntries(
      [...flatten(rendererCatalog('en'))].filter(([key]) => key.startsWith('systems.image.')),
    );
    expect(shipped).toEqual(remoteImageErrors.english());
  });
});
