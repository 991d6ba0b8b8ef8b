import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readJsonLines } from '../../../src/main/lab/engines/docker/json-lines';
import { DockerStreamDemuxer } from '../../../src/main/lab/engines/docker/stream-demux';

function frame(type: number, text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(8);
  header.writeUInt8(type, 0);
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe('DockerStreamDemuxer', () => {
  it('splits stdout and stderr frames cut anywhere', () => {
    const wire = Buffer.concat([
      frame(1, '6.1.0-18-amd64\n'),
      frame(2, 'warning: ünïcode\n'),
      frame(1, ''),
      frame(1, 'end'),
    ]);
    for (const size of [1, 3, 8, 9, wire.length]) {
      const out = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
      const demuxer = new DockerStreamDemuxer((stream, payload) => out[stream].push(Buffer.from(payload)));
      for (let offset = 0; offset < wire.length; offset += size)
        demuxer.write(wire.subarray(offset, offset + size));
      expect(Buffer.concat(out.stdout).toString()).toBe('6.1.0-18-amd64\nend');
      expect(Buffer.concat(out.stderr).toString()).toBe('warning: ünïcode\n');
    }
  });
});

describe('readJsonLines', () => {
  it('parses values split across chunks and UTF-8 characters, and skips junk lines', async () => {
    const stream = new PassThrough();
    const values: unknown[] = [];
    const done = readJsonLines(stream, (value) => values.push(value));
    const text = Buffer.from('{"a":"ü"}\r\n\nnot json\n{"b":2}\n{"c":3}', 'utf8');
    for (const byte of text) stream.write(Buffer.from([byte]));
    stream.end();
    await done;
    expect(values).toEqual([{ a: 'ü' }, { b: 2 }, { c: 3 }]);
  });

  it('rejects with the stream’s error, and with a throwing consumer’s error', async () => {
    const broken = new PassThrough();
    const first = readJsonLines(broken, () => undefined);
    broken.destroy(new Error('socket hang up'));
    await expect(first).rejects.toThrow('socket hang up');

    const stream = new PassThrough();
    const second = readJsonLines(stream, () => {
      throw new Error('pull failed: manifest unknown');
    });
    stream.write('{"error":"manifest unknown"}\n');
    await expect(second).rejects.toThrow('pull failed: manifest unknown');
  });
});
