import { describe, expect, it } from 'vitest';
import { densityTwinId, isOrphan } from '../../../src/main/lab/density/density-guests';
import {
  workloadCheckCommand,
  workloadMemoryMiB,
  workloadStartCommand,
} from '../../../src/main/lab/density/workload';

describe('density guests left by earlier runs', () => {
  const alive = (pid: number) => pid === 4242;

  it('marks a guest with the process and the run', () => {
    expect(densityTwinId('ab12cd34', 77)).toBe('density-77-ab12cd34');
  });
  it('a guest of a process that is gone is an orphan', () => {
    expect(isOrphan(densityTwinId('r1', 999_999), new Set(), alive)).toBe(true);
  });
  it("another running process's guests are left alone", () => {
    expect(isOrphan(densityTwinId('r1', 4242), new Set(), alive)).toBe(false);
  });
  it("this process's guests are orphans unless their run is going (any lab of the process)", () => {
    expect(isOrphan(densityTwinId('r1'), new Set(['r0', 'r1']), alive)).toBe(false);
    expect(isOrphan(densityTwinId('r0'), new Set(['r1']), alive)).toBe(true);
    expect(isOrphan(densityTwinId('r0'), new Set(), alive)).toBe(true);
  });
  it('a marker without a process id (not written by this version) is an orphan', () => {
    expect(isOrphan('density-old', new Set(), alive)).toBe(true);
  });
});

describe('density workloads', () => {
  it('idle starts nothing', () => {
    expect(workloadStartCommand({ kind: 'idle' })).toBeUndefined();
    expect(workloadCheckCommand({ kind: 'idle' })).toBeUndefined();
    expect(workloadMemoryMiB({ kind: 'idle' })).toBe(0);
  });
  it('web runs BusyBox httpd on 8080 in the background, checked by an HTTP answer', () => {
    expect(workloadStartCommand({ kind: 'web' })).toMatch(/^setsid sh -c 'httpd -f -p 8080' .*&$/);
    expect(workloadCheckCommand({ kind: 'web' })).toContain('http://127.0.0.1:8080/');
  });
  it("hold N MiB is checked at 95 % of N in the holder's VmRSS, and needs room to build it", () => {
    expect(workloadStartCommand({ kind: 'hold', mib: 100 })).toContain('n=100;');
    expect(workloadCheckCommand({ kind: 'hold', mib: 100 })).toContain('-ge 97280');
    expect(workloadMemoryMiB({ kind: 'hold', mib: 100 })).toBe(332);
  });
});
