import type { Catalog } from '@shared/template';
import { pathBelow } from '../images/checksums';
import type { CacheArtifact } from '../images/image-cache';
import { mirrorPath } from '../images/mirrors';

/**
 * What "Share my images" may offer: the downloads and container images the templates name, and
 * nothing else. Downloads keep their upstream address as a path (`/<host>/<path>`), the layout
 * every Twinlab mirror has, so a receiving Twinlab uses a share exactly like a mirror.
 */
export interface SharedArtifact {
  /** The path it is served at: `/<host>/<path>` of its upstream URL. */
  path: string;
  artifact: CacheArtifact & { url: string };
}

export interface SharedChecksums {
  /** The path of the checksum file, as above. */
  path: string;
  /** The artifacts it lists, by their path below it. */
  entries: { name: string; artifact: SharedArtifact }[];
}

export interface SharePlan {
  artifacts: SharedArtifact[];
  checksums: SharedChecksums[];
  /** Container image references, as templates name them. */
  images: string[];
}

export function sharePlan(catalog: Catalog): SharePlan {
  const artifacts = new Map<string, SharedArtifact>();
  const images = new Set<string>();
  for (const { template } of catalog.entries) {
    if (template.container) images.add(template.container.image);
    const downloads: CacheArtifact[] = [];
    if (template.vm?.image) downloads.push(template.vm.image);
    if (template.vm?.userland) downloads.push({ ...template.vm.userland.kernel, format: 'vmlinuz' });
    for (const artifact of downloads) {
      if (artifact.url === undefined) continue;
      const path = mirrorPath(artifact.url);
      artifacts.set(path, { path, artifact: { ...artifact, url: artifact.url } });
    }
  }
  const checksums = new Map<string, SharedChecksums>();
  for (const shared of artifacts.values()) {
    const file = shared.artifact.checksums;
    if (file === undefined) continue;
    const path = mirrorPath(file);
    const entry = checksums.get(path) ?? { path, entries: [] };
    entry.entries.push({ name: pathBelow(file, shared.artifact.url), artifact: shared });
    checksums.set(path, entry);
  }
  return {
    artifacts: [...artifacts.values()],
    checksums: [...checksums.values()],
    images: [...images].sort(),
  };
}

/** The path a container image's `docker save` archive is served at. */
export function imageArchivePath(image: string): string {
  return `/twinlab/images/${encodeURIComponent(image)}.tar`;
}

/** The index a receiving Twinlab reads first: what this share holds right now. */
export const SHARE_INDEX_PATH = '/twinlab/share.json';
