import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import type { TwinCreated } from '../../../src/shared/compare';
import type { ConsoleTarget } from '../../../src/shared/consoles';
import type { Guest } from '../../../src/shared/guest';
import { engineGate } from '../../support/engines';
import type { LabClient } from '../../support/lab-client';
import { createLessonTwin } from '../../support/lesson-twin';
import { startTwinLab, stopTwinLab } from '../../support/twin';

const gate = await engineGate(['docker', 'libvirt', 'lxd']);
const prefix = `tl-ckptsys-${process.pid}`;
const key = { lessonId: 'app-vs-system', stepId: 'break-it' };

/** `lxc` reads instance config from a stdin that is not a terminal: give it an empty one. */
const lxc = (...args: string[]) =>
  new Promise<string>((resolve) => {
    execFile('lxc', args, { timeout: 60_000 }, (_error, stdout) => resolve(String(stdout))).stdin?.end();
  });

/** A checkpoint of the ladder twin: its system container through an LXD snapshot, beside Docker and libvirt. */
describe.skipIf(gate.skip)('a lesson checkpoint of a system container, on real LXD', () => {
  let lab: Lab;
  let client: LabClient;
  let created: TwinCreated | undefined;

  const system = async (): Promise<Guest> => {
    const found = (await client.call('guests.list', {})).find(
      (guest) => guest.twinId === created?.twinId && guest.kind === 'system',
    );
    if (!found) throw new Error('the ladder twin has no system container');
    return found;
  };
  const inSystem = async (command: string): Promise<string> => {
    const target: ConsoleTarget = { kind: 'system', guestId: (await system()).id };
    const [answer] = await client.call('console.run', { targets: [target], command, timeoutMs: 30_000 });
    return answer?.ok ? answer.output : `FAILED ${answer?.error.message ?? ''}`;
  };

  beforeAll(async () => {
    ({ lab, client } = await startTwinLab(prefix));
    ({ created } = await createLessonTwin(client, {
      templateId: 'fixture-ladder',
      name: prefix,
      sandbox: 'off',
      operationId: 'ckpt-ladder',
    }));
  }, 180_000);

  afterAll(async () => {
    if (created) await client.call('twins.delete', { twinId: created.twinId }).catch(() => undefined);
    await stopTwinLab(
      prefix,
      { lab, client },
      created?.guests.filter((guest) => guest.kind !== 'system') ?? [],
    );
    await lxc('delete', '--force', `${prefix}-system`);
  }, 120_000);

  it('snapshots the system container, brings a deleted file back, and the snapshot goes with the twin', async () => {
    const twinId = created?.twinId ?? '';
    expect(await inSystem('echo kept > /root/mark && cat /root/mark')).toContain('kept');
    const saved = await client.call('checkpoints.save', { twinId, ...key });
    expect(saved.parts.map((part) => [part.role, part.keeps])).toEqual([
      ['container', 'files'],
      ['system', 'files'],
      ['vm', 'memory-and-disks'],
    ]);
    const name = (await system()).id;
    expect(await lxc('query', `/1.0/instances/${name}/snapshots`)).toContain('tl-app-vs-system-break-it');

    await inSystem('rm -f /root/mark');
    expect(await inSystem('cat /root/mark')).not.toContain('kept');
    const restored = await client.call('checkpoints.restore', { twinId, ...key });
    console.log(
      `ladder checkpoint restored in ${restored.seconds} s: ${restored.parts.map((part) => `${part.role} ${part.seconds} s`).join(', ')}`,
    );
    expect((await system()).state).toBe('running');
    expect(await inSystem('cat /root/mark')).toContain('kept');

    await client.call('twins.delete', { twinId });
    expect(await lxc('list', '--format', 'csv', '-c', 'n')).not.toContain(name);
  }, 300_000);
});
