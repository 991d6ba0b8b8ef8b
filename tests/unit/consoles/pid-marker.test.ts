import { describe, expect, it } from 'vitest';
import { PidMarkerReader } from '../../../src/main/lab/consoles/backends/pid-marker';

const marker = (pid: number) => `\x1b]6973;twinlab-pid=${pid}\x07`;

describe('PidMarkerReader', () => {
  it('takes the pid from the start of the stream and passes the rest on', () => {
    const reader = new PidMarkerReader();
    expect(reader.read(Buffer.from(`${marker(42)}/ # `))?.toString()).toBe('/ # ');
    expect(reader.pid).toBe(42);
    expect(reader.read(Buffer.from('more'))?.toString()).toBe('more');
  });

  it('waits for a marker split across reads', () => {
    const reader = new PidMarkerReader();
    const bytes = Buffer.from(`${marker(1234)}prompt`);
    expect(reader.read(bytes.subarray(0, 5))).toBeUndefined();
    expect(reader.read(bytes.subarray(5, 22))).toBeUndefined();
    expect(reader.read(bytes.subarray(22))?.toString()).toBe('prompt');
    expect(reader.pid).toBe(1234);
  });

  it('passes output without a marker through untouched (e.g. an exec error)', () => {
    const reader = new PidMarkerReader();
    const text = 'OCI runtime exec failed: exec failed\r\n';
    expect(reader.read(Buffer.from(text))?.toString()).toBe(text);
    expect(reader.pid).toBeUndefined();
  });

  it('gives held bytes back when the stream ends early', () => {
    const reader = new PidMarkerReader();
    expect(reader.read(Buffer.from('\x1b]69'))).toBeUndefined();
    expect(reader.end()?.toString()).toBe('\x1b]69');
  });
});
