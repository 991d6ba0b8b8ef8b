/**
 * Soak (issue #14): a twin of the offline fixture (app container, gVisor sandbox when registered,
 * microVM) is created, every part's console opened and closed, and the twin deleted in one call —
 * a hundred times on the real engines. After the first cycle warmed caches and connection pools,
 * nothing may grow: containers, domains, VM files, console sessions, open file descriptors (ptys,
 * files, sockets) and the process's live handles. Each count's growth is printed for the note.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../src/main/lab';
import { engineGate } from '../support/engines';
import { type LabClient } from '../support/lab-client';
import { removeLeftovers, startTwinLab } from '../support/twin';

const run = promisify(execFile);
const gate = await engineGate(['docker', 'libvirt']);
const cycles = Number(process.env['TWINLAB_SOAK_CYCLES'] ?? 100);
const prefix = `tl-soak-${process.pid.toString(36)}`;

interface Counts {
  containers: number;
  domains: number;
  vmFiles: number;
  sessions: number;
  fds: Record<string, number>;
  handles: Record<string, number>;
}

describe.skipIf(gate.skip)(`a twin created and deleted ${cycles} times`, () => {
  let lab: Lab;
  let client: LabClient;
  let stateDir: string;

  beforeAll(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'tl-soak-'));
    // A state folder of its own, so the VM files counted are this test's alone.
    process.env['TWINLAB_STATE_DIR'] = stateDir;
    ({ lab, client } = await startTwinLab(prefix));
  }, 120_000);

  afterAll(async () => {
    delete process.env['TWINLAB_STATE_DIR'];
    client?.close();
    await lab?.dispose();
    await removeLeftovers(prefix);
    await rm(stateDir, { recursive: true, force: true });
  }, 180_000);

  async function counts(): Promise<Counts> {
    const containers = (await run('docker', ['ps', '-aq', '--filter', `name=${prefix}`])).stdout;
    const domains = (await run('virsh', ['-c', 'qemu:///system', 'list', '--all', '--name'])).stdout;
    const sessions = await client.call('console.list', {});
    return {
      containers: containers.split('\n').filter(Boolean).length,
      domains: domains.split('\n').filter((name) => name.startsWith(prefix)).length,
      vmFiles: (await readdir(stateDir, { recursive: true })).filter((file) => file.includes(prefix)).length,
      sessions: sessions.filter((session) => session.state !== 'closed').length,
      fds: await openFds(),
      handles: tally(process.getActiveResourcesInfo()),
    };
  }

  async function cycle(index: number): Promise<void> {
    const twin = await client.call('twins.create', {
      templateId: 'fixture-twin',
      name: `${prefix}-${index}`,
      operationId: `${prefix}-op-${index}`,
    });
    for (const guest of twin.guests) {
      const session = await client.call('console.open', {
        target: { kind: guest.kind === 'vm' ? 'vm' : 'container', guestId: guest.id },
        cols: 80,
        rows: 24,
      });
      await client.call('console.attach', { sessionId: session.id });
      await client.call('console.close', { sessionId: session.id });
    }
    const deleted = await client.call('twins.delete', { twinId: twin.twinId });
    expect(deleted.guests).toEqual([]);
    client.events.length = 0; // the harness keeps events; a soak must not make it the leak
  }

  it(
    'leaks nothing: guests, files, sessions, descriptors and handles stay level',
    async () => {
      await cycle(0); // warm-up: connection pools, first module loads, image caches
      const before = await counts();
      const started = performance.now();
      for (let index = 1; index < cycles; index++) await cycle(index);
      const seconds = (performance.now() - started) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 2000)); // let closed sockets and ptys settle
      const after = await counts();

      const growth = {
        containers: after.containers,
        domains: after.domains,
        vmFiles: after.vmFiles,
        sessions: after.sessions,
        ...grew('fd', before.fds, after.fds),
        ...grew('handle', before.handles, after.handles),
      };
      console.log(`soak: ${cycles} cycles in ${seconds.toFixed(0)} s; growth after the warm-up:`, growth);
      for (const [what, count] of Object.entries(growth)) expect(count, what).toBeLessThanOrEqual(0);
    },
    60 * 60_000,
  );
});

/** This process's open descriptors by kind: pty, socket, pipe, anon, or the file's folder. */
async function openFds(): Promise<Record<string, number>> {
  const kinds: string[] = [];
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => 'gone');
    if (target === 'gone') continue;
    kinds.push(
      target.startsWith('/dev/pts') || target === '/dev/ptmx'
        ? 'pty'
        : (/^(socket|pipe|anon_inode)/.exec(target)?.[1] ?? 'file'),
    );
  }
  return tally(kinds);
}

function tally(items: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item] = (counts[item] ?? 0) + 1;
  return counts;
}

/** How much each kind grew from `before` to `after`, keyed `<label>:<kind>`. */
function grew(label: string, before: Record<string, number>, after: Record<string, number>) {
  const kinds = new Set([...Object.keys(before), ...Object.keys(after)]);
  return Object.fromEntries(
    [...kinds].map((kind) => [`${label}:${kind}`, (after[kind] ?? 0) - (before[kind] ?? 0)]),
  );
}
