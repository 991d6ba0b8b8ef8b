import { execFile } from 'node:child_process';

/** LXD's own CLI, the yardstick. `lxc` reads instance config from a stdin that is not a terminal: give it an empty one. */
export const lxc = (...args: string[]) =>
  new Promise<string>((resolve, reject) => {
    const child = execFile('lxc', args, { timeout: 90_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`lxc ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout),
    );
    child.stdin?.end();
  });

/**
 * systemd's own view of an instance's boot, polled: `is-system-running` answers initializing/starting
 * until every start job is done, then running (or degraded when a unit failed). Not `--wait`, which
 * needs the system bus that D-Bus may not offer yet this early in the boot.
 */
export async function systemdBootState(name: string, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let state = '';
  while (Date.now() < deadline) {
    // It exits non-zero for every state but running; the state word is on stdout either way.
    state = (await lxc('exec', name, '--', 'sh', '-c', 'systemctl is-system-running || true')).trim();
    if (/^(running|degraded)$/.test(state)) return state;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return state;
}
