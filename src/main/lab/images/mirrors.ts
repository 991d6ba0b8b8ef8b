import { DEFAULT_DOMAIN, parseImageReference } from '@shared/image-reference';

/** `https://cloud-images.ubuntu.com/releases/x` → `/cloud-images.ubuntu.com/releases/x`. */
export function mirrorPath(url: string): string {
  const parsed = new URL(url);
  return `/${parsed.host}${parsed.pathname}`;
}

/**
 * Where an HTTP mirror holds an upstream file: `https://HOST/PATH` lives at `<mirror>/HOST/PATH`
 * (the layout "Share my images" serves too). The mirror may itself sit below a path.
 */
export function mirroredUrl(mirror: string, upstream: string): string {
  const base = mirror.endsWith('/') ? mirror : `${mirror}/`;
  const { search } = new URL(upstream);
  return new URL(mirrorPath(upstream).slice(1) + search, base).href;
}

/**
 * The name to pull a Docker Hub image by from a registry mirror (`MIRROR/library/debian:bookworm-slim`),
 * or undefined for an image of another registry, which a Docker Hub mirror does not hold.
 */
export function mirroredImage(registry: string, image: string): string | undefined {
  const reference = parseImageReference(image);
  if (!reference || reference.domain !== DEFAULT_DOMAIN) return undefined;
  const suffix = reference.digest !== undefined ? `@${reference.digest}` : `:${reference.tag ?? 'latest'}`;
  return `${registry}/${reference.path}${suffix}`;
}

/** Docker Hub's name for an image (`debian` → `docker.io/library/debian`), the repository to tag a mirrored pull as. */
export function hubRepository(image: string): string | undefined {
  const reference = parseImageReference(image);
  return reference?.domain === DEFAULT_DOMAIN ? `${DEFAULT_DOMAIN}/${reference.path}` : undefined;
}

/** Whether dockerd already pulls Docker Hub names through this registry (its "registry-mirrors"). */
export function dockerUsesMirror(dockerMirrors: readonly string[], registry: string): boolean {
  return dockerMirrors.some((mirror) => {
    try {
      return new URL(mirror).host === registry;
    } catch {
      return false;
    }
  });
}
