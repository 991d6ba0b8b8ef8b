/** Docker image references (distribution/reference grammar), enough to validate and to find the registry. */
export interface ImageReference {
  /** Registry host[:port]; docker.io when the reference names none. */
  domain: string;
  /** Repository path without the domain, e.g. library/busybox. */
  path: string;
  tag?: string;
  digest?: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN =
  /^(?:localhost|(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const IMAGE_ID = /^(?:sha256:)?[0-9a-f]{12,64}$/;
export const DEFAULT_DOMAIN = 'docker.io';

export function parseImageReference(reference: string): ImageReference | undefined {
  if (reference.length === 0 || reference.length > 255 + 128 + 80) return undefined;
  let rest = reference;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  // A colon after the last slash starts the tag; one before it belongs to a registry port.
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  const parts = rest.split('/');
  const first = parts[0] ?? '';
  // The first part is a registry when it looks like a host: a dot, a port, or localhost.
  const hasDomain =
    parts.length > 1 &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['));
  const domain = hasDomain ? first : DEFAULT_DOMAIN;
  const components = hasDomain ? parts.slice(1) : parts;
  if (hasDomain && !DOMAIN.test(domain)) return undefined;
  if (components.length === 0 || !components.every((component) => COMPONENT.test(component)))
    return undefined;
  const path =
    domain === DEFAULT_DOMAIN && components.length === 1 ? `library/${components[0]}` : components.join('/');
  if (path.length > 255) return undefined;
  return { domain, path, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}

/** A reference Docker accepts for create: a name, or an image ID. */
export function isValidImageReference(reference: string): boolean {
  return IMAGE_ID.test(reference) || parseImageReference(reference) !== undefined;
}

/** Where to check that the image's registry answers. Docker Hub's API lives on registry-1.docker.io. */
export function registryAddress(reference: ImageReference): { host: string; port: number } {
  if (reference.domain === DEFAULT_DOMAIN) return { host: 'registry-1.docker.io', port: 443 };
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(reference.domain);
  const host = (match?.[1] ?? reference.domain).replace(/^\[|\]$/g, '');
  return { host, port: match?.[2] ? Number(match[2]) : 443 };
}
