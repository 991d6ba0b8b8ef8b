import type { DensityLimits, DensityResult } from '../../../../src/shared/density';

export const MiB = 1024 * 1024;

export const limits: DensityLimits = {
  memAvailableBytes: 20_000 * MiB,
  defaultBudgetBytes: 2048 * MiB,
  maxBudgetBytes: 19_488 * MiB,
  kinds: [
    { kind: 'container', available: true },
    { kind: 'sandbox', available: true },
    { kind: 'system', available: false, reason: 'LXD is not installed. Run scripts/setup-lab-host.sh.' },
    { kind: 'vm', available: true },
  ],
};

/** Three containers at ~2 MiB each and two VMs at ~200 MiB each, in a 1 GiB budget. */
export const result: DensityResult = {
  startedAt: '2026-12-04T15:00:00Z',
  finishedAt: '2026-12-04T15:01:30Z',
  templateId: 'fixture-twin',
  templateName: 'BusyBox twin (offline fixture)',
  workload: { kind: 'idle' },
  budgetBytes: 1024 * MiB,
  maxPerKind: 3,
  host: {
    memTotalBytes: 24 * 1024 * MiB,
    memAvailableAtStartBytes: 20_000 * MiB,
    kernel: '6.1.0-host',
    accelerator: 'tcg',
  },
  kinds: [
    {
      kind: 'container',
      points: [
        { guests: 1, hostUsedBytes: 2 * MiB, guestsBytes: 0.5 * MiB, startMs: 300 },
        { guests: 2, hostUsedBytes: 4 * MiB, guestsBytes: 1 * MiB, startMs: 320 },
        { guests: 3, hostUsedBytes: 6 * MiB, guestsBytes: 1.5 * MiB, startMs: 340 },
      ],
      stoppedBy: 'count',
      perGuestBytes: 2 * MiB,
      fitInBudget: 512,
    },
    {
      kind: 'vm',
      points: [
        { guests: 1, hostUsedBytes: 200 * MiB, guestsBytes: 190 * MiB, startMs: 2000 },
        { guests: 2, hostUsedBytes: 400 * MiB, guestsBytes: 380 * MiB, startMs: 2400 },
      ],
      stoppedBy: 'cancelled',
      message: 'Cancelled by the user.',
      perGuestBytes: 200 * MiB,
      fitInBudget: 5,
    },
  ],
  ratio: 102.4,
  cancelled: true,
  leftBehind: [],
};
