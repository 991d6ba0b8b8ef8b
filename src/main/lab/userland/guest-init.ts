import { createHash } from 'node:crypto';
import { defaultReadyPatterns } from '@shared/template';
import { S_IFCHR, S_IFDIR, S_IFREG } from './newc';
import type { RootfsIndex } from './rootfs-index';
import type { ExtraEntry } from './tar-to-initramfs';

/** Where Twinlab's init lives inside the image's files; the kernel runs it through `rdinit=`. */
export const GUEST_INIT = 'twinlab/init';

/**
 * PID 1 of a same-userland VM. POSIX sh only, because it runs under whatever /bin/sh the image
 * has (dash, BusyBox ash, bash): it mounts what a kernel does not mount by itself, names the host,
 * brings the network up where the image has a DHCP client, prints the ready marker and keeps a
 * login shell on the serial console. It never exits: PID 1 exiting panics the kernel.
 */
const script = `#!/bin/sh
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
HOME=/root
TERM=xterm-256color
export PATH HOME TERM
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts /dev/shm /run /tmp
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
mount -t tmpfs tmpfs /run
name=twinlab-vm
shell=/bin/sh
for arg in $(cat /proc/cmdline); do
  case $arg in
    twinlab.hostname=*) name=\${arg#*=} ;;
    twinlab.shell=*) shell=\${arg#*=} ;;
  esac
done
echo "$name" > /proc/sys/kernel/hostname
echo "$name" > /etc/hostname
printf '127.0.0.1\\tlocalhost\\n127.0.1.1\\t%s\\n' "$name" > /etc/hosts
if command -v ip >/dev/null 2>&1; then
  ip link set lo up
  if ip link set eth0 up 2>/dev/null; then
    if command -v udhcpc >/dev/null 2>&1; then udhcpc -i eth0 -q -n -t 5 >/dev/null 2>&1 &
    elif command -v dhclient >/dev/null 2>&1; then dhclient -nw eth0 >/dev/null 2>&1
    fi
  fi
fi
[ -x "$shell" ] || shell=/bin/sh
echo ${defaultReadyPatterns.kernel}
while :; do
  if command -v setsid >/dev/null 2>&1; then setsid -c "$shell" -l <>/dev/ttyS0 >&0 2>&1
  else "$shell" -l <>/dev/ttyS0 >&0 2>&1
  fi
  sleep 1
done
`;

/** Changes whenever the init does, so a cached initramfs with an older init is rebuilt. */
export const GUEST_INIT_VERSION = createHash('sha256').update(script).digest('hex').slice(0, 12);

/** Twinlab's files added to the image's own: the init, and what the kernel needs before it runs. */
export function initramfsExtras(index: RootfsIndex): ExtraEntry[] {
  const extras: ExtraEntry[] = [
    { name: 'twinlab', mode: S_IFDIR | 0o755 },
    { name: GUEST_INIT, mode: S_IFREG | 0o755, data: Buffer.from(script, 'utf8') },
  ];
  // The kernel opens /dev/console for PID 1 before any devtmpfs is mounted; Docker's own
  // /dev/console is an empty file it mounts the container's terminal over (see DOCKER_ONLY_PATHS).
  if (!index.entries.has('dev')) extras.push({ name: 'dev', mode: S_IFDIR | 0o755 });
  extras.push({ name: 'dev/console', mode: S_IFCHR | 0o600, rdev: { major: 5, minor: 1 } });
  for (const dir of ['proc', 'sys', 'run', 'tmp'])
    if (!index.entries.has(dir)) extras.push({ name: dir, mode: S_IFDIR | (dir === 'tmp' ? 0o1777 : 0o755) });
  return extras;
}

/**
 * Left out of the VM: /.dockerenv tells programs they run in a Docker container, which the VM is
 * not, and /dev/console is Docker's placeholder file, replaced by the real device.
 */
export const DOCKER_ONLY_PATHS: ReadonlySet<string> = new Set(['.dockerenv', 'dev/console']);

/** The kernel command line of a same-userland VM. */
export function userlandCmdline(input: { hostname: string; shell: string }): string {
  return `console=ttyS0 rdinit=/${GUEST_INIT} panic=-1 quiet twinlab.hostname=${input.hostname} twinlab.shell=${input.shell}`;
}
