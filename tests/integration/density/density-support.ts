import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import { LABEL_TWIN } from '../../../src/main/lab/engines/docker/labels';
import type { Guest } from '../../../src/shared/guest';
import type { LabClient } from '../../support/lab-client';
import { labVmStorage } from '../../support/lab-storage';

const run = promisify(execFile);
const MiB = 1024 * 1024;

/** The density marker of runs this test process makes (the lab runs in this process). */
export const ourMarker = `density-${process.pid}-`;

/**
 * Every density guest of this process seen while `work` runs (guests.list every 500 ms), so the
 * test can check afterwards that each of them, and its VM folder, is gone.
 */
export async function watchDensityGuests<T>(
  client: LabClient,
  work: () => Promise<T>,
): Promise<{ value: T; seen: Map<string, Guest> }> {
  const seen = new Map<string, Guest>();
  let done = false;
  const poll = (async () => {
    while (!done) {
      const guests = await client.call('guests.list', {}).catch(() => []);
      for (const guest of guests) if (guest.twinId?.startsWith(ourMarker)) seen.set(guest.id, guest);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  try {
    return { value: await work(), seen };
  } finally {
    done = true;
    await poll;
  }
}

/** What the engines' own CLIs still hold of this process's density runs: containers, domains, VM folders. */
export async function densityRemains(seen: Map<string, Guest>): Promise<string[]> {
  const { stdout: containers } = await run('docker', [
    'ps',
    '-a',
    '--filter',
    `label=${LABEL_TWIN}`,
    '--format',
    `{{.Names}} {{.Label "${LABEL_TWIN}"}}`,
  ]);
  const { stdout: domains } = await run('virsh', ['-c', 'qemu:///system', 'list', '--all', '--name']);
  const folders = await readdir(labVmStorage.vms).catch(() => []);
  const vmNames = [...seen.values()].filter((g) => g.kind === 'vm').map((g) => g.name);
  return [
    ...containers
      .split('\n')
      .filter((line) => line.split(' ')[1]?.startsWith(ourMarker))
      .map((line) => `container ${line}`),
    ...domains
      .split('\n')
      .filter((name) => vmNames.includes(name.trim()))
      .map((name) => `domain ${name}`),
    ...folders.filter((folder) => seen.has(folder)).map((folder) => `VM folder ${folder}`),
  ];
}

export const mib = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : (bytes / MiB).toFixed(1));
