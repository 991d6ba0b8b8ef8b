/**
 * Issue "VMs end to end", performance, on fixture-microvm, in this one process session:
 *  1. create → ready marker on the serial console through the app, vs `virsh create` of the same
 *     domain XML plus `virsh console` until the same marker; median of 5 each, interleaved.
 *  2. host RSS the app reports for the 256 MiB VM vs `virsh dommemstat`'s rss.
 * Run: npm run bench (needs libvirtd and the fixtures: scripts/setup-lab-host.sh).
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestLab } from '../tests/support/lab-client';
import { againstCli, line, timeToOutput } from './support';

const run = promisify(execFile);
const uri = 'qemu:///system';
const virsh = (...args: string[]) => run('virsh', ['-c', uri, ...args]);
const rounds = 5;
const prefix = `tl-bench-vm-${process.pid}`;

const { lab, client } = await startTestLab('libvirt');

async function appCreateToMarker(index: number): Promise<number> {
  const name = `${prefix}-app-${index}`;
  const started = performance.now();
  const guest = await client.call('vms.create', { templateId: 'fixture-microvm', name, operationId: name });
  await client.waitFor(
    () => client.of('vm.booted').some((boot) => boot.id === guest.id),
    'the marker',
    120_000,
  );
  const elapsed = performance.now() - started;
  await client.call('vms.action', { id: guest.id, action: 'remove' });
  return elapsed;
}

async function cliCreateToMarker(index: number): Promise<number> {
  const name = `${prefix}-cli-${index}`;
  const { xml } = await client.call('vms.preview', { templateId: 'fixture-microvm', name });
  const file = join(tmpdir(), `${name}.xml`);
  await writeFile(file, xml);
  // One shell line, timed as a whole: create the transient domain, then follow its console.
  const elapsed = await timeToOutput(
    'sh',
    ['-c', `virsh -c ${uri} create ${file} >/dev/null && exec virsh -c ${uri} console ${name} --force`],
    /TWINLAB-READY/,
    120_000,
  );
  await virsh('destroy', name).catch(() => undefined);
  return elapsed;
}

await againstCli({
  title: 'VM create → ready marker on the serial console (fixture-microvm, TCG)',
  app: { label: 'through Twinlab (checks, define, start, console, marker)', run: appCreateToMarker },
  cli: { label: 'virsh create + virsh console to the marker', run: cliCreateToMarker },
  target: 1.15,
  rounds,
});

// --- memory ---------------------------------------------------------------------------------------
const guest = await client.call('vms.create', {
  templateId: 'fixture-microvm',
  name: `${prefix}-rss`,
  operationId: 'rss',
});
await client.waitFor(
  () => client.of('vm.booted').some((boot) => boot.id === guest.id),
  'the marker',
  120_000,
);
const stats = await client.call('vms.stats', { id: guest.id });
const { stdout } = await virsh('dommemstat', `${prefix}-rss`);
const rssKiB = Number(/^rss (\d+)/m.exec(stdout)?.[1]);
const appMiB = stats.memory.hostRssBytes / 2 ** 20;
const cliMiB = rssKiB / 1024;
console.log('\n== Host memory of a 256 MiB VM ==');
line('Twinlab reports (QEMU RSS on the host)', `${appMiB.toFixed(1)} MiB`);
line('virsh dommemstat rss', `${cliMiB.toFixed(1)} MiB`);
line('difference (target within 5 %)', `${((Math.abs(appMiB - cliMiB) / cliMiB) * 100).toFixed(1)} %`);
await client.call('vms.action', { id: guest.id, action: 'remove' });
client.close();
await lab.dispose();
