import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from '../log';

/**
 * A domain's QEMU started afresh or its guest rebooted, from one line of `virsh event --all --loop`:
 * "event 'lifecycle' for domain 'NAME': Started Booted" (also Restored, after `virsh restore`) and
 * "event 'reboot' for domain 'NAME'" (a reboot inside the guest, same QEMU process). Either way the
 * guest's ttys are new: no probe shell is listening on the old channel and the serial terminal lost
 * its size. Undefined for every other event.
 */
export function restartedDomain(line: string): string | undefined {
  const match = /^event '(lifecycle|reboot)' for domain '(.+?)'(?:: (\S+))?/.exec(line.trim());
  if (!match) return undefined;
  const [, kind, name, lifecycle] = match;
  return kind === 'reboot' || lifecycle === 'Started' ? name : undefined;
}

/** How long after virsh's event stream ended it is started again (libvirtd restarting, or missing). */
const retryMs = [1000, 2000, 5000, 15_000, 30_000];

/**
 * Follows libvirt's domain events through `virsh event` for as long as it runs (@unraid/libvirt has
 * no events) and reports each domain (re)start by name. libvirt pushes the events, so nothing is
 * polled while nothing happens; a lost stream is opened again, less often the longer it fails.
 */
export function watchVmStarts(
  libvirtUri: () => string,
  onStarted: (domainName: string) => void,
  log: Logger,
): () => void {
  let child: { kill(): boolean } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;
  let stopped = false;

  const open = () => {
    timer = undefined;
    const current = spawn('virsh', ['-c', libvirtUri(), 'event', '--all', '--loop'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    child = current;
    createInterface({ input: current.stdout }).on('line', (line) => {
      failures = 0;
      const name = restartedDomain(line);
      if (name !== undefined) onStarted(name);
    });
    current.on('error', (error) => log.debug(`virsh event: ${error.message}`));
    current.on('close', () => {
      if (child !== current || stopped) return;
      child = undefined;
      const wait = retryMs[Math.min(failures++, retryMs.length - 1)];
      timer = setTimeout(open, wait);
    });
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    child?.kill();
    child = undefined;
  };
}
