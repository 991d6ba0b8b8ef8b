import type { CheckDefinition, CheckOutcome } from '../check-kit';
import { initLxdFix, installLxdFix, joinGroupFix } from '../fixes';

/** The socket refused us (not in the group), or the daemon answered but does not trust us. */
const NO_PERMISSION = /EACCES|permission denied|does not trust/i;
const NOT_INITIALISED = /no storage pool/i;

/**
 * LXD or Incus for the system-container column. Optional: without it twins are made without that
 * column, so absence is information with the install commands, not a failure.
 */
export const lxdReachableCheck: CheckDefinition = {
  id: 'lxd-reachable',
  group: 'systemContainers',
  statusOnError: 'warn',
  async run({ deps }): Promise<CheckOutcome> {
    const status = deps.lxd?.status();
    if (!status) return { status: 'info', outcome: 'absent', fix: installLxdFix() };
    const incus = /incus/i.test(status.endpoint) || (status.state === 'up' && /^Incus/.test(status.version));
    const product = incus ? 'Incus' : 'LXD';
    switch (status.state) {
      case 'up':
        return {
          status: 'ok',
          outcome: 'ok',
          params: { version: status.version },
          details: { endpoint: status.endpoint, since: status.since },
        };
      case 'connecting':
        return { status: 'info', outcome: 'connecting', details: { endpoint: status.endpoint } };
      case 'down': {
        const details = { endpoint: status.endpoint, reason: status.reason };
        if (NO_PERMISSION.test(status.reason))
          return {
            status: 'warn',
            outcome: 'noPermission',
            params: { product, group: incus ? 'incus-admin' : 'lxd' },
            details,
            fix: joinGroupFix(incus ? 'incus-admin' : 'lxd'),
          };
        if (NOT_INITIALISED.test(status.reason))
          return {
            status: 'warn',
            outcome: 'notInitialised',
            params: { product },
            details,
            fix: initLxdFix(product),
          };
        return { status: 'info', outcome: 'absent', details, fix: installLxdFix() };
      }
    }
  },
};
