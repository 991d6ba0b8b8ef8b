/**
 * Issue "Twins for everyone", performance, in this one process session (median of 5, interleaved):
 *  1. the same-userland Debian twin (container + VM, no sandbox) until both consoles answer at a
 *     prompt, through Twinlab, vs the slower of `docker run -it` of the image to its prompt and
 *     `virsh create` of the same VM XML + `virsh console` to its ready line. Target ≤ 1.3.
 *  2. that VM's ready time vs the BusyBox microVM fixture's, both under TCG. Target ≤ 2.
 *  3. the host memory of each side.
 *  4. the Debian 12 distro twin's VM to `login:` (one run, no target).
 * Run: npm run bench:twins (needs the engines, the fixtures and the mirrors: scripts/setup-lab-host.sh).
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Guest } from '../src/shared/guest';
import { startTestLab } from '../tests/support/lab-client';
import { line, median, timeToOutput } from './support';

const run = promisify(execFile);
const uri = 'qemu:///system';
const templateId = process.argv[2] ?? 'debian-twin';
const rounds = 5;
const prefix = `tl-bench-ul-${process.pid}`;
const MiB = 1024 * 1024;

const { lab, client } = await startTestLab('libvirt');
const template = (await client.call('templates.list', {})).entries.find(
  (e) => e.template.id === templateId,
)?.template;
if (!template?.container || !template.vm?.userland)
  throw new Error(`${templateId} is not a same-userland twin`);
const image = template.container.image;
const shell = template.container.shell ?? '/bin/sh';

const booted = (guest: Guest) => client.of('vm.booted').find((boot) => boot.id === guest.id);

async function removeGuests(guests: readonly Guest[]): Promise<void> {
  for (const guest of guests)
    await client.call(guest.kind === 'vm' ? 'vms.action' : 'containers.action', {
      id: guest.id,
      action: 'remove',
    });
}

/** Twinlab: twins.create, then one command that answers in both consoles (each at its prompt). */
async function appTwinToPrompts(index: number, keep = false): Promise<{ ms: number; guests: Guest[] }> {
  const started = performance.now();
  const twin = await client.call('twins.create', {
    templateId,
    name: `${prefix}-${index}`,
    sandbox: 'off',
    operationId: `${prefix}-${index}`,
  });
  const vm = twin.guests.find((guest) => guest.kind === 'vm');
  if (!vm) throw new Error('the twin has no VM');
  await client.waitFor(() => booted(vm) !== undefined, 'the VM to boot', 120_000);
  const results = await client.call('console.run', {
    targets: twin.guests.map((guest) =>
      guest.kind === 'vm' ? { kind: 'vm', guestId: guest.id } : { kind: 'container', guestId: guest.id },
    ),
    command: 'true',
    timeoutMs: 30_000,
  });
  if (!results.every((result) => result.ok))
    throw new Error(`a console did not answer: ${JSON.stringify(results)}`);
  const ms = performance.now() - started;
  if (!keep) await removeGuests(twin.guests);
  return { ms, guests: twin.guests };
}

async function dockerRunToPrompt(index: number): Promise<number> {
  const name = `${prefix}-cli-${index}`;
  const ms = await timeToOutput('docker', ['run', '-it', '--rm', '--name', name, image, shell], /[#$] $/m);
  await run('docker', ['rm', '-f', name]).catch(() => undefined);
  return ms;
}

/** The app's own domain XML, renamed, so virsh boots exactly the same VM (kernel, initramfs, cmdline). */
async function virshXml(vm: Guest, name: string): Promise<string> {
  const { stdout } = await run('virsh', ['-c', uri, 'dumpxml', vm.name]);
  const xml = stdout
    .replace(/<name>[^<]*<\/name>/, `<name>${name}</name>`)
    .replace(/<uuid>[^<]*<\/uuid>\s*/, '')
    .replace(/<metadata>[\s\S]*<\/metadata>\s*/, '');
  const file = join(tmpdir(), `${name}.xml`);
  await writeFile(file, xml);
  return file;
}

async function virshToReady(xmlOf: (name: string) => Promise<string>, index: number): Promise<number> {
  const name = `${prefix}-virsh-${index}`;
  const file = await xmlOf(name);
  const ms = await timeToOutput(
    'sh',
    ['-c', `virsh -c ${uri} create ${file} >/dev/null && exec virsh -c ${uri} console ${name} --force`],
    /TWINLAB-READY/,
    120_000,
  );
  await run('virsh', ['-c', uri, 'destroy', name]).catch(() => undefined);
  return ms;
}

async function microvmReady(index: number): Promise<number> {
  const guest = await client.call('vms.create', {
    templateId: 'fixture-microvm',
    name: `${prefix}-micro-${index}`,
    operationId: `${prefix}-micro-${index}`,
  });
  await client.waitFor(() => booted(guest) !== undefined, 'the microVM to boot', 120_000);
  const ms = booted(guest)?.readyMs ?? NaN;
  await removeGuests([guest]);
  return ms;
}

// Warm-up: pulls the image, downloads the kernel and packs the initramfs once; keeps one twin
// whose VM gives virsh its XML.
const reference = await appTwinToPrompts(-1, true);
const referenceVm = reference.guests.find((guest) => guest.kind === 'vm') as Guest;
const xmlOf = (name: string) => virshXml(referenceVm, name);
await dockerRunToPrompt(-1);

const app: number[] = [];
const docker: number[] = [];
const virsh: number[] = [];
const vmReady: number[] = [];
const micro: number[] = [];
for (let i = 0; i < rounds; i++) {
  const twin = await appTwinToPrompts(i, true);
  app.push(twin.ms);
  vmReady.push(booted(twin.guests.find((guest) => guest.kind === 'vm') as Guest)?.readyMs ?? NaN);
  await removeGuests(twin.guests);
  docker.push(await dockerRunToPrompt(i));
  virsh.push(await virshToReady(xmlOf, i));
  micro.push(await microvmReady(i));
}

const list = (values: number[]) => `[${values.map((v) => v.toFixed(0)).join(', ')}]`;
console.log(`\n== ${templateId}: both consoles at a prompt, median of ${rounds} (TCG) ==`);
line(
  'through Twinlab (twins.create → a command answers in both)',
  `${median(app).toFixed(0)} ms  ${list(app)}`,
);
line(`docker run -it ${image} to its prompt`, `${median(docker).toFixed(0)} ms  ${list(docker)}`);
line(
  'virsh create (same XML) + virsh console to TWINLAB-READY',
  `${median(virsh).toFixed(0)} ms  ${list(virsh)}`,
);
const slower = Math.max(median(docker), median(virsh));
line('ratio Twinlab / slower CLI (target ≤ 1.3)', (median(app) / slower).toFixed(2));

console.log(`\n== VM ready time: ${templateId} vs the BusyBox microVM fixture, median of ${rounds} ==`);
line(`${templateId} VM (start → TWINLAB-READY)`, `${median(vmReady).toFixed(0)} ms  ${list(vmReady)}`);
line('fixture-microvm', `${median(micro).toFixed(0)} ms  ${list(micro)}`);
line('ratio (target ≤ 2)', (median(vmReady) / median(micro)).toFixed(2));

console.log(`\n== host memory of each side (${templateId}) ==`);
const measured = await client.call('compare.measure', {
  guestIds: reference.guests.map((guest) => guest.id),
});
for (const [index, guest] of reference.guests.entries()) {
  const bytes = measured[index]?.hostMemoryBytes;
  line(`${guest.kind} ${guest.name}`, bytes === undefined ? '—' : `${(bytes / MiB).toFixed(1)} MiB`);
}

await removeGuests(reference.guests);

// The distro twin's VM (the Debian 12 cloud image: GRUB, systemd, cloud-init) to `login:`, once:
// no target, it is the number a lesson quotes. Through the mirror's stand-in image on lab hosts.
const distro = await client.call('twins.create', {
  templateId: 'debian-12-twin',
  name: `${prefix}-distro`,
  sandbox: 'off',
  operationId: `${prefix}-distro`,
});
const distroVm = distro.guests.find((guest) => guest.kind === 'vm') as Guest;
await client.waitFor(() => booted(distroVm) !== undefined, 'the Debian 12 cloud image to login:', 900_000);
console.log('\n== distro twin: debian-12-twin VM to login: (TCG), one run ==');
line('start → login: on the serial console', `${booted(distroVm)?.readyMs ?? NaN} ms`);
await removeGuests(distro.guests);
client.close();
await lab.dispose();
