import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import { labPaths } from '../../../src/main/lab/paths';
import type { TwinCreated } from '../../../src/shared/compare';
import type { ConsoleTarget } from '../../../src/shared/consoles';
import type { Guest } from '../../../src/shared/guest';
import { twinRoleOf } from '../../../src/shared/twin-roles';
import { engineGate } from '../../support/engines';
import type { LabClient } from '../../support/lab-client';
import { startTwinLab, stopTwinLab } from '../../support/twin';

const run = promisify(execFile);
const gate = await engineGate(['docker', 'libvirt']);
const prefix = `tl-ckpt-${process.pid}`;
const key = { lessonId: 'cgroups', stepId: 'hog' };
const breakIt = { lessonId: 'filesystems', stepId: 'break-it' };

/** Checkpoints of a real fixture-twin (runc container, gVisor sandbox, microVM) through the router. */
describe.skipIf(gate.skip)('lesson checkpoints on real dockerd and libvirtd', () => {
  let lab: Lab;
  let client: LabClient;
  let created: TwinCreated;

  const parts = async (): Promise<Guest[]> =>
    (await client.call('guests.list', {})).filter((guest) => guest.twinId === created.twinId);
  const targetOf = (guest: Guest): ConsoleTarget =>
    guest.kind === 'vm' ? { kind: 'vm', guestId: guest.id } : { kind: 'container', guestId: guest.id };
  /** Runs one line in every part of the twin as it is now; answers each part's output by kind. */
  const inEvery = async (command: string): Promise<string[]> => {
    const answers = await client.call('console.run', {
      targets: (await parts()).map(targetOf),
      command,
      timeoutMs: 30_000,
    });
    return answers.map((answer) => (answer.ok ? answer.output : `FAILED ${answer.error.message}`));
  };
  const checkpointImages = async () =>
    (
      await run('docker', ['images', '-q', '--filter', `label=io.twinlab.checkpoint.twin=${created.twinId}`])
    ).stdout.trim();

  beforeAll(async () => {
    ({ lab, client } = await startTwinLab(prefix));
    created = await client.call('twins.create', {
      templateId: 'fixture-twin',
      name: prefix,
      operationId: 'ckpt-twin',
    });
    const vm = created.guests.find((guest) => guest.kind === 'vm');
    await client.waitFor(
      () => client.of('vm.booted').some((boot) => boot.id === vm?.id),
      'the VM to boot',
      120_000,
    );
  }, 180_000);
  afterAll(async () => {
    if (created) await client.call('twins.delete', { twinId: created.twinId }).catch(() => undefined);
    await stopTwinLab(prefix, { lab, client }, created?.guests ?? []);
  }, 90_000);

  it("undoes lesson 6's break-it step in the container and the VM: its check fails, then passes after the restore", async () => {
    const { twinId } = created;
    const lesson = await client.call('lessons.get', { id: breakIt.lessonId, locale: 'en' });
    const step = lesson.steps.find((candidate) => candidate.id === breakIt.stepId);
    if (!step?.checkpoint) throw new Error('lesson 6 has no checkpoint step break-it');
    // The whole outcome, so that a failure shows each check's reason.
    const check = () => client.call('lessons.check', { ...breakIt, twinId });
    expect(await check()).toMatchObject({ state: 'done' });

    await client.call('checkpoints.save', { twinId, ...breakIt });
    for (const block of step.blocks) {
      if (block.type !== 'run') continue;
      const targets = (await parts()).filter((guest) =>
        block.targets.some((role) => role === twinRoleOf(guest)),
      );
      expect(targets.map(twinRoleOf).sort()).toEqual(['container', 'vm']);
      for (const command of block.lines)
        await client.call('console.run', { targets: targets.map(targetOf), command, timeoutMs: 30_000 });
    }
    expect(await check()).toMatchObject({ state: 'failed' });

    const restored = await client.call('checkpoints.restore', { twinId, ...breakIt });
    console.log(
      `lesson 6 break-it restored in ${restored.seconds} s: ${restored.parts.map((part) => `${part.role} ${part.seconds} s`).join(', ')}`,
    );
    expect(await check()).toMatchObject({ state: 'done' });
  }, 180_000);

  it('saves every part, brings a deleted file back in the container and the VM, and goes with the twin', async () => {
    const { twinId } = created;
    expect(await inEvery('echo kept > /root/mark && cat /root/mark')).toEqual(
      expect.arrayContaining([expect.stringContaining('kept')]),
    );

    const saved = await client.call('checkpoints.save', { twinId, ...key });
    expect(saved.parts.map((part) => [part.role, part.keeps])).toEqual([
      ['container', 'files'],
      ['sandbox', 'files'],
      ['vm', 'memory-and-disks'],
    ]);
    console.log(
      `checkpoint saved: ${saved.parts.map((part) => `${part.role} ${part.savedInSeconds} s`).join(', ')}`,
    );
    expect(await checkpointImages()).not.toBe('');

    // The destructive step: the marker gone, and the shell's own tools with it.
    await inEvery('rm -f /root/mark; rm -f /bin/cat; echo broken');
    for (const output of await inEvery('cat /root/mark')) expect(output).not.toContain('kept');

    const before = await parts();
    const restored = await client.call('checkpoints.restore', { twinId, ...key });
    console.log(
      `checkpoint restored in ${restored.seconds} s: ${restored.parts.map((part) => `${part.role} ${part.seconds} s`).join(', ')}`,
    );
    expect(restored.parts.map((part) => part.role).sort()).toEqual(['container', 'sandbox', 'vm']);
    expect(restored.seconds).toBeLessThan(30);

    const after = await parts();
    expect(after.every((guest) => guest.state === 'running')).toBe(true);
    // The containers are new ones made from the checkpoint (new ids, same names); the VM is the same domain.
    const idOf = (guests: Guest[], kind: Guest['kind'], name: string) =>
      guests.find((guest) => guest.kind === kind && guest.name === name)?.id;
    for (const guest of before)
      if (guest.kind === 'vm') expect(idOf(after, 'vm', guest.name)).toBe(guest.id);
      else expect(idOf(after, 'container', guest.name)).not.toBe(guest.id);
    const outputs = await inEvery('cat /root/mark');
    expect(outputs).toHaveLength(3);
    for (const output of outputs) expect(output).toContain('kept');

    expect(await client.call('checkpoints.list', { twinId })).toMatchObject([
      { twinId, ...breakIt },
      { twinId, ...key },
    ]);

    await client.call('twins.delete', { twinId });
    expect(await checkpointImages()).toBe('');
    const folders = await readdir(join(labPaths(process.env).data, 'checkpoints')).catch(() => []);
    expect(folders).not.toContain(twinId);
  }, 240_000);
});
