import { StringDecoder } from 'node:string_decoder';

/**
 * Reads a Docker stream of newline-separated JSON values (events, stats, pull and load progress).
 * Chunks split lines and UTF-8 characters anywhere, so text is decoded and buffered up to "\n".
 * Resolves when the stream ends or closes, rejects on its error; a line that is not JSON is
 * skipped (Docker never sends one, a broken proxy might).
 */
export function readJsonLines(
  stream: NodeJS.ReadableStream,
  onValue: (value: unknown) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    let buffered = '';
    let settled = false;
    const emitLines = (text: string) => {
      buffered += text;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (line.length === 0) continue;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          continue;
        }
        onValue(value);
      }
    };
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      stream.removeListener('data', onData);
      if (error) return reject(error);
      emitLines(decoder.end() + '\n');
      resolve();
    };
    const onData = (chunk: Buffer | string) => {
      try {
        emitLines(typeof chunk === 'string' ? chunk : decoder.write(chunk));
      } catch (error) {
        // A throwing consumer (e.g. a pull error line) ends the read with that error.
        finish(error instanceof Error ? error : new Error(String(error)));
      }
    };
    stream.on('data', onData);
    stream.once('end', () => finish());
    stream.once('close', () => finish());
    stream.once('error', (error: Error) => finish(error));
  });
}
