import { join } from 'node:path';
import { virsh } from './virsh';

/**
 * The virsh commands the VM service needs beyond @unraid/libvirt (no networks, memory stats,
 * start flags or reboot there). Each returns parsed values; the parsers are exported for tests.
 */
export async function isNetworkActive(uri: string, network: string): Promise<boolean> {
  try {
    return parseNetActive(await virsh(uri, ['net-info', network]));
  } catch {
    return false; // not defined, or no network driver: user-mode networking still works
  }
}

/** `virsh net-info` → the "Active: yes|no" line. */
export function parseNetActive(output: string): boolean {
  return /^Active:\s+yes\s*$/m.test(output);
}

/** `virsh dommemstat` values in KiB (rss, actual, available, unused, …). */
export async function domMemStat(uri: string, name: string): Promise<string> {
  return virsh(uri, ['dommemstat', '--domain', name]);
}

/** Starts with the vCPUs paused, so a console can attach before the guest prints anything. */
export async function startPaused(uri: string, name: string): Promise<void> {
  await virsh(uri, ['start', '--paused', '--domain', name], 60_000);
}

/** Asks the guest to reboot through ACPI (the binding has no reboot). */
export async function rebootAcpi(uri: string, name: string): Promise<void> {
  await virsh(uri, ['reboot', '--mode', 'acpi', '--domain', name]);
}

export async function capabilitiesXml(uri: string): Promise<string> {
  return virsh(uri, ['capabilities'], 30_000);
}

/** `virsh capabilities` → the DAC base label, e.g. "+64055:+64055". */
export function parseDacLabel(capabilitiesXml: string): { uid: number; gid: number } | undefined {
  const match = /<model>dac<\/model>[\s\S]*?<baselabel[^>]*>\+?(\d+):\+?(\d+)<\/baselabel>/.exec(
    capabilitiesXml,
  );
  return match?.[1] && match[2] ? { uid: Number(match[1]), gid: Number(match[2]) } : undefined;
}

/**
 * libvirt's pid file of a running domain's QEMU process: under /run/libvirt/qemu for the system
 * daemon, under $XDG_RUNTIME_DIR for a session daemon.
 */
export function qemuPidFile(
  uri: string,
  name: string,
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  if (uri.startsWith('qemu:///system')) return join('/run/libvirt/qemu', `${name}.pid`);
  if (uri.startsWith('qemu:///session') && env['XDG_RUNTIME_DIR'])
    return join(env['XDG_RUNTIME_DIR'], 'libvirt/qemu/run', `${name}.pid`);
  return undefined;
}

export function isSystemUri(uri: string): boolean {
  return uri.startsWith('qemu:///system');
}
