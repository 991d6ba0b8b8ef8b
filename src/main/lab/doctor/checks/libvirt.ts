import type { CheckDefinition, CheckOutcome } from '../check-kit';
import { defineDefaultNetworkFix, installLibvirtFix, joinGroupFix, startDefaultNetworkFix } from '../fixes';

/** Where a non-root user lands when the system daemon refuses them (see LibvirtConnection). */
export const isSessionEndpoint = (endpoint: string): boolean => endpoint.startsWith('qemu:///session');

export const libvirtReachableCheck: CheckDefinition = {
  id: 'libvirt-reachable',
  group: 'libvirt',
  statusOnError: 'fail',
  async run({ deps }): Promise<CheckOutcome> {
    const status = deps.libvirt.status();
    const uri = deps.libvirt.uri();
    switch (status.state) {
      case 'up': {
        const details = { uri, endpoint: status.endpoint, since: status.since };
        const params = { version: status.version };
        // It works, with a session's limits: VMs run as the user, user-mode networking only, and
        // they end with the login. The libvirt group gives the system connection instead.
        if (isSessionEndpoint(status.endpoint))
          return { status: 'warn', outcome: 'session', params, details, fix: joinGroupFix('libvirt') };
        return { status: 'ok', outcome: 'ok', params, details };
      }
      case 'connecting':
        return {
          status: 'info',
          outcome: 'connecting',
          params: { uri },
          details: { uri, endpoint: status.endpoint },
        };
      case 'down':
        return {
          status: 'fail',
          outcome: 'down',
          params: { uri },
          details: { uri, endpoint: status.endpoint, reason: status.reason, since: status.since },
          fix: installLibvirtFix(),
        };
    }
  },
};

/** Parses `virsh net-info` output ("Active:         no") into lower-cased keys. */
export function parseNetInfo(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const separator = line.indexOf(':');
    if (separator <= 0) continue;
    fields[line.slice(0, separator).trim().toLowerCase()] = line.slice(separator + 1).trim();
  }
  return fields;
}

/** virsh's wording differs between libvirt versions; both mean the network is not defined. */
const NETWORK_NOT_FOUND = /network not found|no network with matching name/i;

export const libvirtDefaultNetworkCheck: CheckDefinition = {
  id: 'libvirt-default-network',
  group: 'libvirt',
  statusOnError: 'warn',
  async run({ deps }): Promise<CheckOutcome> {
    if (deps.libvirt.status().state !== 'up') return { status: 'info', outcome: 'skipped' };
    const uri = deps.libvirt.uri();
    let text: string;
    try {
      text = await deps.libvirt.virsh(['net-info', 'default']);
    } catch (error) {
      if (error instanceof Error && NETWORK_NOT_FOUND.test(error.message)) {
        return {
          status: 'warn',
          outcome: 'missing',
          details: { uri, error: error.message },
          fix: defineDefaultNetworkFix(uri),
        };
      }
      throw error;
    }
    const info = parseNetInfo(text);
    const details = { uri, bridge: info.bridge ?? '', autostart: info.autostart ?? '' };
    if (info.active === 'yes') return { status: 'ok', outcome: 'active', details };
    // Not fatal: VMs fall back to user-mode networking (outbound only, no address reachable from the host).
    return { status: 'warn', outcome: 'inactive', details, fix: startDefaultNetworkFix(uri) };
  },
};
