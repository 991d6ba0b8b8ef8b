import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import { runStepChecks, type TwinUnderLesson } from '../../../src/main/lab/lessons/check-runner';
import { twinFacts } from '../../../src/main/lab/lessons/twin-facts';
import { twinRoleOf, type TwinCreated } from '../../../src/shared/compare';
import type { Lesson, LessonStep } from '../../../src/shared/lessons';
import { engineGate } from '../../support/engines';
import { startTestLab, type LabClient } from '../../support/lab-client';

const run = promisify(execFile);
const gate = await engineGate(['docker', 'libvirt']);
const prefix = `tl-lesson-${process.pid}`;

/** Every container and domain this file may have made, whatever state a failure left them in. */
async function removeLeftovers(): Promise<void> {
  const { stdout } = await run('docker', ['ps', '-aq', '--filter', `name=${prefix}`]);
  const ids = stdout.split('\n').filter(Boolean);
  if (ids.length > 0) await run('docker', ['rm', '-f', ...ids]);
  const { stdout: domains } = await run('virsh', ['-c', 'qemu:///system', 'list', '--all', '--name']);
  for (const name of domains.split('\n').filter((line) => line.startsWith(prefix))) {
    await run('virsh', ['-c', 'qemu:///system', 'destroy', name]).catch(() => undefined);
    await run('virsh', ['-c', 'qemu:///system', 'undefine', name]).catch(() => undefined);
  }
}

/** Lessons 1 and 4, every check, through the router on a real fixture-twin, judged by the lesson evaluators. */
describe.skipIf(gate.skip)('built-in lessons on fixture-twin, on real dockerd and libvirtd', () => {
  let lab: Lab;
  let client: LabClient;
  let created: TwinCreated;
  let twin: TwinUnderLesson;
  const checkStep = (step: LessonStep) =>
    runStepChecks(step, twin, {
      run: (input) => client.call('console.run', input),
      measure: (guestIds) => client.call('compare.measure', { guestIds }),
    });

  beforeAll(async () => {
    await removeLeftovers();
    ({ lab, client } = await startTestLab('libvirt'));
    await client.waitFor(
      () => client.of('engines.status').some((status) => status.docker.state === 'up'),
      'docker to answer',
      30_000,
    );
    created = await client.call('twins.create', {
      templateId: 'fixture-twin',
      name: prefix,
      operationId: 'lesson-twin',
    });
    const vm = created.guests.find((guest) => guest.kind === 'vm');
    await client.waitFor(
      () => client.of('vm.booted').some((boot) => boot.id === vm?.id),
      'the VM to boot',
      120_000,
    );
    const template = (await client.call('templates.list', {})).entries.find(
      (e) => e.template.id === 'fixture-twin',
    );
    if (!template) throw new Error('fixture-twin is not in the catalog');
    twin = {
      facts: twinFacts(created.guests, template.template),
      guests: Object.fromEntries(created.guests.map((guest) => [twinRoleOf(guest), guest])),
    };
  }, 180_000);
  afterAll(async () => {
    for (const guest of created?.guests ?? []) {
      const action = guest.kind === 'vm' ? 'vms.action' : 'containers.action';
      await client.call(action, { id: guest.id, action: 'remove' }).catch(() => undefined);
    }
    client?.close();
    await lab?.dispose();
    await removeLeftovers();
  }, 60_000);

  for (const id of ['kernel', 'processes']) {
    it(`completes lesson "${id}" with every check green, in English and Chinese`, async () => {
      const listed = await client.call('lessons.list', { locale: 'zh-CN' });
      expect(listed.problems).toEqual([]);
      expect(listed.lessons.find((lesson) => lesson.id === id)?.languages).toEqual(['en', 'zh-CN']);
      const lesson: Lesson = await client.call('lessons.get', { id, locale: 'zh-CN' });
      expect(lesson.locale).toBe('zh-CN');
      let checked = 0;
      for (const step of lesson.steps) {
        const results = await checkStep(step);
        checked += results.length;
        // fixture-twin has a gVisor sandbox, so even the optional sandbox steps apply.
        for (const result of results)
          expect({ step: step.id, ...result }).toMatchObject({ step: step.id, status: 'pass' });
      }
      expect(checked).toBeGreaterThanOrEqual(5);
    }, 180_000);
  }

  it('turns a check red, with the reason, when its expectation is not met', async () => {
    const lesson = await client.call('lessons.get', { id: 'kernel', locale: 'en' });
    const step = lesson.steps.find((candidate) => candidate.id === 'ask-the-kernel');
    if (!step) throw new Error('no ask-the-kernel step');
    // The container printed the host's kernel; pretend the lesson expected a 2.x kernel.
    const wrong: LessonStep = {
      ...step,
      blocks: step.blocks.map((block) =>
        block.type === 'check' && block.id === 'container-is-host' ? { ...block, expect: '^2\\.' } : block,
      ),
    };
    const results = await checkStep(wrong);
    expect(results.find((result) => result.checkId === 'container-is-host')).toMatchObject({
      status: 'fail',
      reason: { key: 'lessons.check.noMatch', params: { target: 'container', expect: '^2\\.' } },
    });
    expect(results.find((result) => result.checkId === 'vm-is-not-host')?.status).toBe('pass');

    const hostView = (await client.call('lessons.get', { id: 'processes', locale: 'en' })).steps.find(
      (candidate) => candidate.id === 'host-view',
    );
    if (!hostView) throw new Error('no host-view step');
    const twoProcesses: LessonStep = {
      ...hostView,
      blocks: hostView.blocks.map((block) =>
        block.type === 'compare' && block.id === 'vm-is-one-process'
          ? { ...block, right: { value: 2 } }
          : block,
      ),
    };
    expect(
      (await checkStep(twoProcesses)).find((result) => result.checkId === 'vm-is-one-process'),
    ).toMatchObject({
      status: 'fail',
      reason: {
        key: 'lessons.check.doesNotHold',
        message: expect.stringContaining('vm.hostProcesses.count (1) == 2'),
      },
    });
  }, 120_000);
});
