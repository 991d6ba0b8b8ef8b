import { describe, expect, it } from 'vitest';
import {
  PullProgressAggregator,
  pullEventSchema,
  type PullEvent,
} from '../../../src/main/lab/engines/docker/pull-progress';

/**
 * A pull of a 3-layer image as dockerode's followProgress hands the events over (one object per
 * JSON line of /images/create), written by hand after Docker's format. Layer a1 is cached, b2 is
 * 4 MB, c3 is 1 MB. The number before each event is the time in ms it arrived.
 */
const recorded: Array<[number, PullEvent]> = [
  [0, { status: 'Pulling from library/demo', id: '1.0' }],
  [10, { status: 'Already exists', progressDetail: {}, id: 'a1a1a1a1a1a1' }],
  [12, { status: 'Pulling fs layer', progressDetail: {}, id: 'b2b2b2b2b2b2' }],
  [13, { status: 'Pulling fs layer', progressDetail: {}, id: 'c3c3c3c3c3c3' }],
  [20, { status: 'Waiting', progressDetail: {}, id: 'c3c3c3c3c3c3' }],
  [
    100,
    {
      status: 'Downloading',
      progressDetail: { current: 0, total: 4_000_000 },
      progress: '[>   ] 0B/4MB',
      id: 'b2b2b2b2b2b2',
    },
  ],
  [
    1100,
    {
      status: 'Downloading',
      progressDetail: { current: 1_000_000, total: 4_000_000 },
      progress: '[=>  ] 1MB/4MB',
      id: 'b2b2b2b2b2b2',
    },
  ],
  [
    1200,
    { status: 'Downloading', progressDetail: { current: 100_000, total: 1_000_000 }, id: 'c3c3c3c3c3c3' },
  ],
  [
    2100,
    { status: 'Downloading', progressDetail: { current: 2_000_000, total: 4_000_000 }, id: 'b2b2b2b2b2b2' },
  ],
  [2200, { status: 'Verifying Checksum', progressDetail: {}, id: 'c3c3c3c3c3c3' }],
  [2210, { status: 'Download complete', progressDetail: {}, id: 'c3c3c3c3c3c3' }],
  [
    3100,
    { status: 'Downloading', progressDetail: { current: 4_000_000, total: 4_000_000 }, id: 'b2b2b2b2b2b2' },
  ],
  [3150, { status: 'Download complete', progressDetail: {}, id: 'b2b2b2b2b2b2' }],
  [
    3200,
    { status: 'Extracting', progressDetail: { current: 2_000_000, total: 8_000_000 }, id: 'b2b2b2b2b2b2' },
  ],
  [3300, { status: 'Pull complete', progressDetail: {}, id: 'b2b2b2b2b2b2' }],
  [
    3400,
    { status: 'Extracting', progressDetail: { current: 1_000_000, total: 1_000_000 }, id: 'c3c3c3c3c3c3' },
  ],
  [3410, { status: 'Pull complete', progressDetail: {}, id: 'c3c3c3c3c3c3' }],
  [3420, { status: 'Digest: sha256:' + 'd'.repeat(64) }],
  [3421, { status: 'Status: Downloaded newer image for demo:1.0' }],
];

function replay(events = recorded) {
  const aggregator = new PullProgressAggregator();
  return events.map(([at, event]) => aggregator.push(pullEventSchema.parse(event), at));
}

describe('PullProgressAggregator', () => {
  const progress = replay();

  it('starts resolving, before any layer is known', () => {
    expect(progress[0]).toEqual({
      phase: 'resolving',
      layersTotal: 0,
      layersDone: 0,
      bytesDone: 0,
      bytesTotal: 0,
      percent: 0,
      status: 'Pulling from library/demo',
    });
  });

  it('counts a cached layer as done, without bytes and without moving the percent', () => {
    expect(progress[1]).toMatchObject({ phase: 'extracting', layersTotal: 1, layersDone: 1, percent: 0 });
    expect(progress[3]).toMatchObject({
      phase: 'downloading',
      layersTotal: 3,
      layersDone: 1,
      bytesDone: 0,
      bytesTotal: 0,
      percent: 0,
    });
  });

  it('sums the layers’ bytes and derives a rate and an ETA once every size is known', () => {
    // At 1100 ms only b2's size is known: no ETA yet (c3 could be huge).
    // First rate reading: 1 MB since the first event at 0 ms.
    expect(progress[6]).toMatchObject({
      bytesDone: 1_000_000,
      bytesTotal: 4_000_000,
      bytesPerSecond: 909_091,
    });
    expect(progress[6]).not.toHaveProperty('etaSeconds');
    // At 1200 ms both sizes are known: 1.1 MB of 5 MB.
    expect(progress[7]).toMatchObject({ bytesDone: 1_100_000, bytesTotal: 5_000_000 });
    // At 2100 ms: 2.1 MB done, 2.9 MB left. The 1200 ms event came too soon for a new reading;
    // this one (1.1 MB in 1 s) is smoothed into the first.
    const rate = Math.round(0.3 * 1_100_000 + 0.7 * (1_000_000 / 1.1));
    expect(progress[8]).toMatchObject({
      bytesDone: 2_100_000,
      bytesTotal: 5_000_000,
      bytesPerSecond: rate,
      etaSeconds: Math.ceil(2_900_000 / rate),
    });
  });

  it('treats a finished download as all its bytes', () => {
    expect(progress[10]).toMatchObject({ bytesDone: 3_000_000, bytesTotal: 5_000_000 });
    expect(progress[12]).toMatchObject({ bytesDone: 5_000_000, bytesTotal: 5_000_000, phase: 'extracting' });
  });

  it('never lets the percent go backwards and holds below 100 until Docker says it is done', () => {
    const percents = progress.map((step) => step.percent);
    for (let index = 1; index < percents.length; index += 1) {
      expect(percents[index]).toBeGreaterThanOrEqual(percents[index - 1] ?? 0);
    }
    expect(Math.max(...percents.slice(0, -1))).toBeLessThan(100);
    expect(progress.at(-1)).toMatchObject({
      phase: 'done',
      percent: 100,
      layersTotal: 3,
      layersDone: 3,
      bytesDone: 5_000_000,
      bytesTotal: 5_000_000,
      status: 'Status: Downloaded newer image for demo:1.0',
    });
    expect(progress.at(-1)).not.toHaveProperty('etaSeconds');
  });

  it('finishes an image that is already up to date', () => {
    const steps = replay([
      [0, { status: 'Pulling from library/demo', id: '1.0' }],
      [1, { status: 'Digest: sha256:' + 'd'.repeat(64) }],
      [2, { status: 'Status: Image is up to date for demo:1.0' }],
    ]);
    expect(steps.at(-1)).toMatchObject({ phase: 'done', percent: 100, layersTotal: 0 });
  });

  it('keeps a layer waiting while Docker retries it', () => {
    const steps = replay([
      [0, { status: 'Pulling fs layer', id: 'b2b2b2b2b2b2' }],
      [10, { status: 'Downloading', progressDetail: { current: 10, total: 100 }, id: 'b2b2b2b2b2b2' }],
      [20, { status: 'Retrying in 5 seconds', id: 'b2b2b2b2b2b2' }],
    ]);
    expect(steps.at(-1)).toMatchObject({
      phase: 'downloading',
      layersDone: 0,
      bytesDone: 10,
      bytesTotal: 100,
    });
  });

  it('accepts the error line’s shape (the caller stops on it)', () => {
    const event = pullEventSchema.parse({
      errorDetail: { message: 'manifest unknown' },
      error: 'manifest unknown',
    });
    expect(event.error).toBe('manifest unknown');
  });
});
