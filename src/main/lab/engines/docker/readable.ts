import { Readable } from 'node:stream';

/**
 * dockerode types its streams as NodeJS.ReadableStream (no destroy); at runtime they are http
 * responses, which are Readables. Narrowed here so callers can end them.
 */
export function asReadable(stream: NodeJS.ReadableStream): Readable {
  return stream instanceof Readable ? stream : new Readable().wrap(stream);
}
