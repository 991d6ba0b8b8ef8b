import { describe, expect, it } from 'vitest';
import type { HostReport } from '@shared/host';
import { HostReportCache } from '../../../src/main/lab/doctor/report-cache';

const report = (n: number): HostReport => ({
  checkedAt: `2026-12-04T00:00:0${n}Z`,
  durationMs: n,
  accelerator: 'tcg',
  checks: [],
});

function cache(results: (HostReport | Error)[]) {
  const calls = { checks: 0, rechecks: 0 };
  const reports = new HostReportCache(
    async () => {
      const next = results[calls.checks++];
      if (!next || next instanceof Error) throw next ?? new Error('no more reports');
      return next;
    },
    async () => calls.rechecks++,
  );
  return { reports, calls };
}

describe('HostReportCache', () => {
  it('checks once and answers from the cache until an engine changes or a refresh is asked for', async () => {
    const { reports, calls } = cache([report(1), report(2), report(3)]);
    expect(await reports.get(false)).toEqual(report(1));
    expect(await reports.get(false)).toEqual(report(1));
    expect(calls).toEqual({ checks: 1, rechecks: 0 });
    reports.invalidate();
    expect(await reports.get(false)).toEqual(report(2));
    expect(await reports.get(true)).toEqual(report(3));
    expect(calls).toEqual({ checks: 3, rechecks: 1 });
  });

  it('does not keep a failed check: the next call tries again', async () => {
    const { reports } = cache([new Error('virsh hung'), report(2)]);
    await expect(reports.get(false)).rejects.toThrow('virsh hung');
    expect(await reports.get(false)).toEqual(report(2));
  });
});
