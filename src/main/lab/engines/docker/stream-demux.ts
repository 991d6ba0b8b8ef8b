/**
 * Docker multiplexes stdout and stderr of a non-TTY attach or exec on one stream: frames of an
 * 8-byte header (stream type, 3 zero bytes, big-endian length) and the payload. Frames split
 * across chunks anywhere.
 */
export class DockerStreamDemuxer {
  #pending = Buffer.alloc(0);

  constructor(private readonly onFrame: (stream: 'stdout' | 'stderr', payload: Buffer) => void) {}

  write(chunk: Buffer): void {
    let data = this.#pending.length > 0 ? Buffer.concat([this.#pending, chunk]) : chunk;
    while (data.length >= 8) {
      const type = data[0];
      const length = data.readUInt32BE(4);
      if (data.length < 8 + length) break;
      const payload = data.subarray(8, 8 + length);
      // Type 0 (stdin) is only echoed with a TTY, which is never multiplexed; count it as stdout.
      this.onFrame(type === 2 ? 'stderr' : 'stdout', payload);
      data = data.subarray(8 + length);
    }
    this.#pending = Buffer.from(data);
  }
}
