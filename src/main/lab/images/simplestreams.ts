import { z } from 'zod';

/**
 * The parts of the simplestreams format (streams/v1/index.json → images.json) that LXD and Incus
 * image servers publish, as LXD's own client reads them (shared/simplestreams/products.go): a
 * product per distribution release, architecture and variant, with comma-separated aliases, and
 * dated versions whose items are the metadata tarball and the root filesystem.
 */
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const streamIndexSchema = z.object({
  index: z.record(
    z.string(),
    z.object({ datatype: z.string(), path: z.string().min(1), products: z.array(z.string()).optional() }),
  ),
});

const itemSchema = z.object({
  ftype: z.string(),
  path: z.string().min(1),
  sha256: sha256.optional(),
  size: z.number().int().nonnegative(),
  /** On the metadata item: the image's fingerprint, SHA-256 of the metadata then the root file. */
  combined_squashfs_sha256: sha256.optional(),
  combined_rootxz_sha256: sha256.optional(),
  combined_sha256: sha256.optional(),
});

export const productsSchema = z.object({
  products: z.record(
    z.string(),
    z.object({
      aliases: z.string().default(''),
      arch: z.string(),
      os: z.string().optional(),
      release_title: z.string().optional(),
      versions: z.record(z.string(), z.object({ items: z.record(z.string(), itemSchema) })),
    }),
  ),
});

export type StreamItem = z.output<typeof itemSchema>;

/** One downloadable file of an image, with the checksum the stream gives for it. */
export interface StreamFile {
  path: string;
  sha256: string;
  size: number;
}

/** The newest container image for an alias: both files and the fingerprint LXD will give it. */
export interface StreamImage {
  product: string;
  version: string;
  description: string;
  fingerprint: string;
  metadata: StreamFile;
  rootfs: StreamFile;
}

/** LXD's metadata tarball; Incus servers publish the same format under their own name. */
const metadataTypes = new Set(['lxd.tar.xz', 'incus.tar.xz']);
/** Container root filesystems only (a VM's disk image is of no use to a system container). */
const rootTypes = ['squashfs', 'root.tar.xz'] as const;

/** The index entry that lists images (datatype image-downloads), relative to the server. */
export function imagesPath(index: z.output<typeof streamIndexSchema>): string | undefined {
  return Object.values(index.index).find((entry) => entry.datatype === 'image-downloads')?.path;
}

/** Node's architecture in the Debian names simplestreams products use. */
export function streamArchitecture(nodeArch: string): string {
  return (
    { x64: 'amd64', arm64: 'arm64', arm: 'armhf', ppc64: 'ppc64el', s390x: 's390x', riscv64: 'riscv64' }[
      nodeArch as 'x64'
    ] ?? nodeArch
  );
}

/** The newest version of the product with this alias and architecture that has a container image. */
export function findImage(
  products: z.output<typeof productsSchema>,
  alias: string,
  architecture: string,
): StreamImage | undefined {
  for (const [name, product] of Object.entries(products.products)) {
    if (product.arch !== architecture) continue;
    if (!product.aliases.split(',').some((each) => each.trim() === alias)) continue;
    // Version names start with the build date (20261203_05:24), so the largest is the newest.
    const versions = Object.keys(product.versions).sort().reverse();
    for (const version of versions) {
      const items = Object.values(product.versions[version]?.items ?? {});
      const image = containerImage(items);
      if (!image) continue;
      const title = [product.os, product.release_title].filter(Boolean).join(' ');
      return { product: name, version, description: `${title || alias} (${version})`, ...image };
    }
  }
  return undefined;
}

function containerImage(
  items: StreamItem[],
): Pick<StreamImage, 'fingerprint' | 'metadata' | 'rootfs'> | undefined {
  const metadata = items.find((item) => metadataTypes.has(item.ftype));
  if (!metadata?.sha256) return undefined;
  for (const type of rootTypes) {
    const root = items.find((item) => item.ftype === type);
    const fingerprint =
      type === 'squashfs'
        ? metadata.combined_squashfs_sha256
        : (metadata.combined_rootxz_sha256 ?? metadata.combined_sha256);
    if (!root?.sha256 || !fingerprint) continue;
    return {
      fingerprint,
      metadata: { path: metadata.path, sha256: metadata.sha256, size: metadata.size },
      rootfs: { path: root.path, sha256: root.sha256, size: root.size },
    };
  }
  return undefined;
}
