/**
 * Where the LXD/Incus API is: TWINLAB_LXD_SOCKET when set, else the first socket that exists of
 * Debian's LXD, the snap's LXD and Incus (the same REST API). Pure over its inputs for unit tests.
 */
export const lxdSocketCandidates = [
  '/var/lib/lxd/unix.socket',
  '/var/snap/lxd/common/lxd/unix.socket',
  '/var/lib/incus/unix.socket',
] as const;

export function resolveLxdSocket(
  env: Record<string, string | undefined>,
  exists: (path: string) => boolean,
): string {
  const configured = env['TWINLAB_LXD_SOCKET'];
  if (configured) return configured;
  return lxdSocketCandidates.find(exists) ?? lxdSocketCandidates[0];
}
