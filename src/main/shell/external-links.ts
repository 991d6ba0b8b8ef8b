/**
 * Links the app may open in the user's browser: https only, to documentation hosts Twinlab's
 * pages and lessons point at. Anything else is dropped (DESIGN.md: deny by default).
 */
const allowedHosts = new Set([
  'docs.docker.com',
  'libvirt.org',
  'www.qemu.org',
  'gvisor.dev',
  'katacontainers.io',
  'cloudinit.readthedocs.io',
  'www.kernel.org',
  'wiki.debian.org',
  'docs.fedoraproject.org',
  'wiki.archlinux.org',
]);

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' &&
      allowedHosts.has(parsed.hostname) &&
      !parsed.username &&
      !parsed.password
    );
  } catch {
    return false;
  }
}
