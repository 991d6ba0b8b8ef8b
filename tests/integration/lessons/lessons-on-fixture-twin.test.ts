import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import type { TwinUnderLesson } from '../../../src/main/lab/lessons/check-runner';
import type { TwinCreated } from '../../../src/shared/compare';
import type { CheckResult, Lesson, LessonFeature, LessonStep } from '../../../src/shared/lessons';
import { engineGate } from '../../support/engines';
import type { LabClient } from '../../support/lab-client';
import { createLessonTwin, lessonSteps, type LessonSteps } from '../../support/lesson-twin';
import { startTwinLab, stopTwinLab } from '../../support/twin';

const gate = await engineGate(['docker', 'libvirt']);
const prefix = `tl-lessonall-${process.pid}`;

/** Every built-in lesson, every check, through the router on one real fixture-twin, judged by the lesson evaluators. */
describe.skipIf(gate.skip)('built-in lessons on fixture-twin, on real dockerd and libvirtd', () => {
  let lab: Lab;
  let client: LabClient;
  let created: TwinCreated;
  let twin: TwinUnderLesson;
  let steps: LessonSteps;
  const checkStep = (step: LessonStep) => steps.check(step);

  beforeAll(async () => {
    ({ lab, client } = await startTwinLab(prefix));
    ({ created, twin } = await createLessonTwin(client, {
      templateId: 'fixture-twin',
      name: prefix,
      operationId: 'lesson-twin',
    }));
    steps = lessonSteps(client, twin);
  }, 180_000);
  afterAll(() => stopTwinLab(prefix, { lab, client }, created?.guests ?? []), 60_000);

  for (const id of ['kernel', 'processes']) {
    it(`completes lesson "${id}" with every check green, in English and Chinese`, async () => {
      const listed = await client.call('lessons.list', { locale: 'zh-CN' });
      expect(listed.problems).toEqual([]);
      expect(listed.lessons.find((lesson) => lesson.id === id)).toMatchObject({
        locale: 'zh-CN',
        languages: ['en', 'zh-CN', 'ko'],
      });
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

  /** What each check of lessons 2, 3, 5-10 and 12-14 does on fixture-twin: pass, or skipped for a missing feature or role. */
  const onFixtureTwin = (
    has: (feature: LessonFeature) => boolean,
  ): Record<string, Record<string, string>> => {
    const when = (feature: LessonFeature) => (has(feature) ? 'pass' : `skipped: ${feature}`);
    return {
      'boot-time': {
        'measure/vm-slower': 'pass',
        'direct-kernel/handed-cmdline': 'pass',
        'cloud-image/cloud-image-much-slower': 'skipped: vm-image',
      },
      'memory-density': {
        'host-memory/vm-ten-times': 'pass',
        'what-they-see/container-sees-host': 'pass',
        'what-they-see/vm-sees-its-own': 'pass',
        'fit-in-2gib/hundred-containers': 'pass',
        'fit-in-2gib/under-forty-vms': 'pass',
      },
      cgroups: {
        'memory-limit/limit-in-cgroup': 'pass',
        'memory-limit/limit-measured': 'pass',
        'hog/oom-killed': 'pass',
        'vm-ram/vm-ram': 'pass',
        'cpu/container-sees-all-cpus': 'pass',
        'cpu/vm-counts-vcpus': 'pass',
      },
      filesystems: {
        'root/container-overlay': 'pass',
        'root/vm-not-overlay': 'pass',
        'layers/layers-shared': 'pass',
        'write/own-layer-grew': 'pass',
        'break-it/tools-back': 'pass',
      },
      networking: {
        'container-web/container-serves': 'pass',
        'container-address/container-has-address': 'pass',
        'vm-network/vm-default-route': 'skipped: vm-image',
      },
      isolation: {
        'capabilities/fewer-capabilities': 'pass',
        'seccomp/seccomp-filter': 'pass',
        'gvisor/gvisor-kernel': 'pass',
        'gvisor/gvisor-dmesg': 'pass',
        'kata/kata-kernel': 'skipped: kata',
        'vm-boundary/vm-separate-kernel': 'pass',
      },
      'different-os': {
        'build/container-same-build': 'pass',
        'build/vm-other-build': 'pass',
        'read-only/proc-sys-read-only': 'pass',
      },
      'hardware-virtualization': {
        'host/cpu-flags-counted': 'pass',
        'kvm/host-has-vmx': when('kvm'),
        'kvm/dev-kvm': when('kvm'),
        'tcg/emulated-cpu': when('tcg'),
        'cost/vm-boot-cost': when('tcg'),
      },
      // Lesson 11 needs a system container: tests/integration/lessons/lessons-on-ladder-twin.test.ts.
      'chroot-to-namespaces': {
        'new-root/only-the-jail': 'pass',
        'shared/same-hostname': 'pass',
        'shared/same-network': 'pass',
        'shared/same-processes': 'pass',
        'escape/escaped': 'pass',
        'escape/container-cannot-mount': 'pass',
        'namespaces/own-pid-1': 'pass',
        'namespaces/hostname-unchanged': 'pass',
        'namespaces/own-network': 'pass',
        'together/escape-closed': 'pass',
        'app-container/container-no-unshare': 'pass',
        'system/system-nests': 'skipped: system',
      },
      'layers-cow': {
        'same-image/same-layers': 'pass',
        'write/container-reads-it': 'pass',
        'write/host-sees-added': 'pass',
        'write/host-sees-copied-up': 'pass',
        'other-container/sandbox-does-not-see': 'pass',
        'vm-disk/vm-shares-more': 'pass',
      },
      virtio: {
        'two-disks/virtio-disk': 'pass',
        'two-disks/emulated-disk': 'pass',
        'measure/measured': 'pass',
        'kvm/host-has-kvm': when('kvm'),
      },
    };
  };

  const outcome = (result: CheckResult) => {
    if (result.status === 'pass') return 'pass';
    if (result.status === 'skipped')
      return `skipped: ${String(result.reason.params?.['feature'] ?? result.reason.params?.['role'])}`;
    return `fail: ${result.reason.message}`;
  };

  it('runs every step of lessons 2, 3, 5-10 and 12-14 in order, runs typed first, and each check passes or is skipped as expected', async () => {
    // The table assumes fixture-twin's gVisor sandbox and direct-kernel VM with its virtio and IDE
    // scratch disks; KVM depends on the host.
    expect(twin.facts.features).toEqual(
      expect.arrayContaining(['container', 'sandbox', 'vm', 'runsc', 'vm-kernel', 'vm-disk-buses']),
    );
    const expected = onFixtureTwin((feature) => twin.facts.features.includes(feature));
    const actual: Record<string, Record<string, string>> = {};
    for (const id of Object.keys(expected)) {
      const lesson = await client.call('lessons.get', { id, locale: 'en' });
      const results: Record<string, string> = {};
      for (const step of lesson.steps) {
        if (step.challenge) continue; // the learner's own route, not run blocks: challenges.test.ts
        const applies = step.requires.every((feature) => twin.facts.features.includes(feature));
        // A checkpoint step's commands break the guests on purpose; checkpoints.test.ts types them and goes back.
        const typed = applies && !step.checkpoint;
        for (const block of step.blocks) if (typed && block.type === 'run') await steps.typeRun(block);
        for (const result of await checkStep(step)) results[`${step.id}/${result.checkId}`] = outcome(result);
      }
      actual[id] = results;
    }
    expect(actual).toEqual(expected);
  }, 600_000);

  it('measures lesson "virtio": the virtio and the IDE disk, three times, numbers logged for the lesson', async () => {
    const lesson = await client.call('lessons.get', { id: 'virtio', locale: 'en' });
    const step = lesson.steps.find((candidate) => candidate.id === 'measure');
    if (!step) throw new Error('no measure step');
    const rounds: string[] = [];
    for (let round = 0; round < 3; round++) {
      const [result] = await checkStep(step);
      expect(result).toMatchObject({ checkId: 'measured', status: 'pass' });
      // The reason shows the output on one line, its lines joined by ⏎.
      rounds.push(...(result?.reason.outputs?.[0]?.output.split(' ⏎ ') ?? []));
    }
    const disks = rounds.map((line) => /^(vda|sda) [\d.]+ MiB\/s [\d.]+ ms CPU per MiB$/.exec(line)?.[1]);
    expect(disks).toEqual(['vda', 'sda', 'vda', 'sda', 'vda', 'sda']);
    console.info(`lesson virtio on fixture-twin (${twin.facts.features.join(', ')}):\n${rounds.join('\n')}`);
  }, 300_000);

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
