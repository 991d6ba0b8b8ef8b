import { describe, expect, it } from 'vitest';
import { TransferMeter } from '../../../src/main/lab/images/transfer-meter';

describe('TransferMeter', () => {
  it('reports bytes, rate and ETA', () => {
    let now = 0;
    const meter = new TransferMeter(0, 10_000, () => now);
    now = 1000;
    meter.add(1000);
    now = 2000;
    expect(meter.add(1000)).toEqual({
      receivedBytes: 2000,
      totalBytes: 10_000,
      bytesPerSecond: 1000,
      etaSeconds: 8,
      resumedFromBytes: 0,
    });
  });

  it('counts resumed bytes as received but not towards the rate', () => {
    let now = 0;
    const meter = new TransferMeter(5000, 10_000, () => now);
    now = 500;
    expect(meter.add(500)).toEqual({
      receivedBytes: 5500,
      totalBytes: 10_000,
      bytesPerSecond: 1000,
      etaSeconds: 5,
      resumedFromBytes: 5000,
    });
  });

  it('uses a sliding window, so a stall shows up quickly', () => {
    let now = 0;
    const meter = new TransferMeter(0, undefined, () => now, 2000);
    for (let i = 1; i <= 10; i++) {
      now = i * 1000;
      meter.add(i <= 5 ? 10_000 : 0);
    }
    const progress = meter.progress();
    expect(progress.receivedBytes).toBe(50_000);
    expect(progress.bytesPerSecond).toBe(0);
    expect(progress.totalBytes).toBeUndefined();
    expect(progress.etaSeconds).toBeUndefined();
  });

  it('starts over for a new attempt', () => {
    let now = 0;
    const meter = new TransferMeter(0, 100, () => now);
    now = 1000;
    meter.add(50);
    meter.restart(50, 100);
    expect(meter.progress()).toEqual({
      receivedBytes: 50,
      totalBytes: 100,
      bytesPerSecond: 0,
      resumedFromBytes: 50,
    });
  });
});
