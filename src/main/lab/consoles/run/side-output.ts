import { StringDecoder } from 'node:string_decoder';

/** What a command run beside the learner's shell printed, and how it ended. */
export interface SideRunResult {
  /** stdout and stderr in the order they arrived, as a console would have shown them. */
  output: string;
  /** null when it was stopped at the timeout (or the engine did not say). */
  exitCode: number | null;
  timedOut: boolean;
}

/** Output beyond this is dropped: probes answer in a few lines. */
const maxOutputChars = 1024 * 1024;

/** Collects both streams of a side run as text, UTF-8 decoded per stream, bounded. */
export class SideOutput {
  #text = '';
  readonly #decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };

  add(stream: 'stdout' | 'stderr', chunk: Buffer): void {
    if (this.#text.length < maxOutputChars) this.#text += this.#decoders[stream].write(chunk);
  }

  /** The text without its final newline, as console.run answers. */
  text(): string {
    const rest = this.#decoders.stdout.end() + this.#decoders.stderr.end();
    return (this.#text + rest).replace(/\r\n/g, '\n').replace(/\n$/, '');
  }
}
