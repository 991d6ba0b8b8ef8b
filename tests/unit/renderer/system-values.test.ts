import { describe, expect, it } from 'vitest';
import type { Template } from '../../../src/shared/template';
import {
  cpuPercentBetween,
  defaultSystemName,
  systemValuesProblems,
  toSystemSpec,
  valuesFromImage,
  valuesFromTemplate,
} from '../../../src/renderer/src/wizards/system/system-values';

const ladder = {
  id: 'fixture-ladder',
  name: 'Ladder',
  description: '',
  tags: [],
  system: { image: 'twinlab-fixture/busybox-system', memoryMiB: 64 },
} as Template;

describe('the New system container wizard’s values', () => {
  it('takes a template’s limits and names the instance after it', () => {
    const values = valuesFromTemplate(ladder, 'ab12');
    expect(values).toMatchObject({ name: 'ladder-ab12', memoryMiB: 64, cpus: undefined });
    expect(toSystemSpec({ ...values, source: { kind: 'template', templateId: 'fixture-ladder' } })).toEqual({
      source: { kind: 'template', templateId: 'fixture-ladder' },
      name: 'ladder-ab12',
      memoryMiB: 64,
    });
  });

  it('names an image by its first alias, else its fingerprint, with no limits', () => {
    const image = {
      fingerprint: 'a3f5e94119c6aeb1',
      aliases: ['twinlab-fixture/busybox-system'],
      description: '',
      sizeBytes: 1,
      architecture: 'x86_64',
      uploadedAt: '',
    };
    expect(valuesFromImage(image, 'ab12')).toMatchObject({
      source: { kind: 'image', image: 'twinlab-fixture/busybox-system' },
      name: 'busybox-system-ab12',
      memoryMiB: undefined,
    });
    expect(valuesFromImage({ ...image, aliases: [] }, 'ab12').source).toEqual({
      kind: 'image',
      image: 'a3f5e94119c6aeb1',
    });
  });

  it('makes host names: a letter first, no dots or slashes', () => {
    expect(defaultSystemName('images:debian/12', 'x1')).toBe('system-x1');
    expect(defaultSystemName('ubuntu.noble', 'x1')).toBe('ubuntu-noble-x1');
  });

  it('finds the problems the form can see by itself', () => {
    const values = valuesFromTemplate(ladder, 'ab12');
    expect(systemValuesProblems(values)).toEqual({});
    expect(systemValuesProblems({ ...values, name: '' })).toEqual({
      name: 'systemWizard.problem.nameRequired',
    });
    expect(systemValuesProblems({ ...values, name: '1box' })).toEqual({
      name: 'systemWizard.problem.nameInvalid',
    });
    expect(systemValuesProblems({ ...values, memoryMiB: 8, cpus: 0 })).toEqual({
      memory: 'systemWizard.problem.memoryTooSmall',
      cpus: 'systemWizard.problem.cpusTooFew',
    });
  });

  it('turns two samples of CPU time into a share of one CPU', () => {
    const first = { cpuNs: 1_000_000_000, at: '2026-12-04T08:00:00.000Z' };
    expect(cpuPercentBetween(undefined, first)).toBe(0);
    expect(cpuPercentBetween(first, { cpuNs: 1_500_000_000, at: '2026-12-04T08:00:01.000Z' })).toBe(50);
    // A restart resets the counter: no negative share.
    expect(cpuPercentBetween(first, { cpuNs: 10, at: '2026-12-04T08:00:01.000Z' })).toBe(0);
  });
});
