import { describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../../src/shared/engines';
import { HealthMonitor, type HealthProbe } from '../../../src/main/lab/engines/health-monitor';

function scriptedProbe(answers: Array<string | Error>): HealthProbe {
  return {
    endpoint: () => 'unix:///var/run/docker.sock',
    async check() {
      const next = answers.shift();
      if (next instanceof Error) throw next;
      if (next === undefined) throw new Error('script ended');
      return next;
    },
  };
}

describe('HealthMonitor', () => {
  it('reports down and up again as the engine leaves and returns, once per change', async () => {
    const changes: EngineStatus[] = [];
    const monitor = new HealthMonitor(
      scriptedProbe(['20.10', '20.10', new Error('connect ENOENT'), new Error('connect ENOENT'), '20.10']),
      60_000,
      (status) => changes.push(status),
    );
    expect(monitor.status.state).toBe('connecting');
    for (let i = 0; i < 5; i++) await monitor.checkNow();
    monitor.stop();
    expect(changes.map((status) => status.state)).toEqual(['up', 'down', 'up']);
    expect(changes[1]).toMatchObject({ state: 'down', reason: 'connect ENOENT' });
    expect(changes[2]).toMatchObject({ state: 'up', version: '20.10' });
  });

  it('shares one check among overlapping callers', async () => {
    let calls = 0;
    const probe: HealthProbe = {
      endpoint: () => 'qemu:///system',
      check: async () => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 10));
        return '9.0.0';
      },
    };
    const monitor = new HealthMonitor(probe, 60_000, () => undefined);
    await Promise.all([monitor.checkNow(), monitor.checkNow(), monitor.checkNow()]);
    expect(calls).toBe(1);
  });
});
