import { describe, expect, it } from 'vitest';
import {
  classifyFreeSpace,
  FAIL_BELOW_BYTES,
  nearestExistingPath,
  WARN_BELOW_BYTES,
} from '../../../src/main/lab/doctor/checks/storage';
import { runHostChecks } from '../../../src/main/lab/doctor/index';
import { fakeDeps, fakeProbe } from './fake-host';

const GIB = 1024 ** 3;

describe('classifyFreeSpace', () => {
  it.each([
    [0, 'critical'],
    [FAIL_BELOW_BYTES - 1, 'critical'],
    [FAIL_BELOW_BYTES, 'low'],
    [WARN_BELOW_BYTES - 1, 'low'],
    [WARN_BELOW_BYTES, 'ok'],
    [500 * GIB, 'ok'],
  ])('%d bytes is %s', (bytes, level) => {
    expect(classifyFreeSpace(bytes)).toBe(level);
  });

  it('uses 2 GiB and 10 GiB', () => {
    expect(FAIL_BELOW_BYTES).toBe(2 * GIB);
    expect(WARN_BELOW_BYTES).toBe(10 * GIB);
  });
});

describe('nearestExistingPath', () => {
  it('climbs to the closest directory that exists', async () => {
    await expect(nearestExistingPath(fakeProbe(), '/home/ada/.cache/twinlab/images')).resolves.toBe(
      '/home/ada',
    );
  });

  it('stops at the root', async () => {
    await expect(nearestExistingPath(fakeProbe({ exists: async () => false }), '/a/b')).resolves.toBe('/');
  });
});

describe('disk-free check', () => {
  async function diskCheck(freeGib: number) {
    const measured: string[] = [];
    const probe = fakeProbe({
      freeBytes: async (path) => {
        measured.push(path);
        return freeGib * GIB;
      },
    });
    const report = await runHostChecks(fakeDeps(), probe);
    return { check: report.checks.find((check) => check.id === 'disk-free'), measured };
  }

  it('fails below 2 GiB with a fix', async () => {
    const { check } = await diskCheck(1.5);
    expect(check).toMatchObject({
      status: 'fail',
      summaryKey: 'host.check.diskFree.critical',
      params: { bytes: 1.5 * GIB, gib: 1.5 },
    });
    expect(check?.fix?.key).toBe('host.fix.freeDisk');
  });

  it('warns below 10 GiB', async () => {
    const { check } = await diskCheck(9.99);
    expect(check).toMatchObject({
      status: 'warn',
      summaryKey: 'host.check.diskFree.low',
      params: { gib: 9.9 },
    });
  });

  it('is ok with enough space and measures the nearest existing parent', async () => {
    const { check, measured } = await diskCheck(10);
    expect(check).toMatchObject({
      status: 'ok',
      summaryKey: 'host.check.diskFree.ok',
      params: { path: '/home/ada' },
    });
    expect(check?.fix).toBeUndefined();
    expect(measured).toEqual(['/home/ada']);
  });
});
