import type { CheckDefinition, CheckOutcome } from '../check-kit';
import { gvisorDaemonJson, installDockerFix, installGvisorFix, joinGroupFix } from '../fixes';

/** dockerode reports a socket the user may not open as "connect EACCES /var/run/docker.sock". */
const PERMISSION_DENIED = /EACCES|permission denied/i;

export const dockerReachableCheck: CheckDefinition = {
  id: 'docker-reachable',
  group: 'docker',
  statusOnError: 'fail',
  async run({ deps }): Promise<CheckOutcome> {
    const status = deps.docker.status();
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
        const details = { endpoint: status.endpoint, reason: status.reason, since: status.since };
        if (PERMISSION_DENIED.test(status.reason)) {
          return {
            status: 'fail',
            outcome: 'noPermission',
            params: { endpoint: status.endpoint },
            details,
            fix: joinGroupFix('docker'),
          };
        }
        return {
          status: 'fail',
          outcome: 'down',
          params: { endpoint: status.endpoint },
          details,
          fix: installDockerFix(),
        };
      }
    }
  },
};

/** Runtimes that give a container its own kernel boundary: gVisor (runsc) and Kata Containers. */
export function isSandboxRuntime(name: string): boolean {
  return /runsc|gvisor|kata/i.test(name);
}

export const dockerRuntimesCheck: CheckDefinition = {
  id: 'docker-runtimes',
  group: 'docker',
  statusOnError: 'warn',
  async run({ deps }): Promise<CheckOutcome> {
    if (deps.docker.status().state !== 'up') return { status: 'info', outcome: 'skipped' };
    const runtimes = await deps.docker.runtimes();
    const sandboxes = runtimes.filter(isSandboxRuntime);
    const params = { runtimes: runtimes.join(', ') };
    if (sandboxes.length > 0) {
      return { status: 'ok', outcome: 'withSandbox', params: { ...params, sandbox: sandboxes.join(', ') } };
    }
    // Optional: the sandbox lesson needs it, everything else works with runc.
    return {
      status: 'info',
      outcome: 'noSandbox',
      params,
      details: { daemonJson: gvisorDaemonJson },
      fix: installGvisorFix(),
    };
  },
};
