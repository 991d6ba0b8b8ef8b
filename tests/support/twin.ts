import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Lab } from '../../src/main/lab';
import type { Guest } from '../../src/shared/guest';
import { removeDomain } from './domain-cleanup';
import { startTestLab, type LabClient } from './lab-client';

const run = promisify(execFile);

/** Removes every container and domain named `prefix…`, whatever state a failed run left them in. */
export async function removeLeftovers(prefix: string): Promise<void> {
  const { stdout } = await run('docker', ['ps', '-aq', '--filter', `name=${prefix}`]);
  const ids = stdout.split('\n').filter(Boolean);
  if (ids.length > 0) await run('docker', ['rm', '-f', ...ids]);
  const { stdout: domains } = await run('virsh', ['-c', 'qemu:///system', 'list', '--all', '--name']);
  for (const name of domains.split('\n').filter((line) => line.startsWith(prefix))) {
    await removeDomain(name);
  }
}

/** A lab for twins named `prefix…`: an earlier run's leftovers gone, libvirt and docker answering. */
export async function startTwinLab(prefix: string): Promise<{ lab: Lab; client: LabClient }> {
  await removeLeftovers(prefix);
  return startLabWithDocker();
}

/**
 * A lab on libvirt once docker answers too (a twin or a density run needs both). `env` is added to
 * the lab's environment, as startTestLab's.
 */
export async function startLabWithDocker(
  env: Record<string, string> = {},
): Promise<{ lab: Lab; client: LabClient }> {
  const started = await startTestLab('libvirt', env);
  await started.client.waitFor(
    () => started.client.of('engines.status').some((status) => status.docker.state === 'up'),
    'docker to answer',
    30_000,
  );
  return started;
}

/**
 * Removes a twin's guests through the API, then the lab, then whatever the engines still hold under
 * `prefix`. Takes what `beforeAll` got so far, since it may have failed halfway.
 */
export async function stopTwinLab(
  prefix: string,
  started: { lab?: Lab; client?: LabClient },
  guests: readonly Guest[],
): Promise<void> {
  const { lab, client } = started;
  for (const guest of guests) {
    const action = guest.kind === 'vm' ? 'vms.action' : 'containers.action';
    await client?.call(action, { id: guest.id, action: 'remove' }).catch(() => undefined);
  }
  client?.close();
  await lab?.dispose();
  await removeLeftovers(prefix);
}
