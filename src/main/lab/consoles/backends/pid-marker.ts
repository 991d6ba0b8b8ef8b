/**
 * Docker does not end an exec'd process when its attach stream closes, so a closed console would
 * leave its shell running in the container. To end it later we need its pid *inside* the container
 * (the host pid from exec inspect is useless under gVisor), so the shell is started through `sh -c`
 * that first prints its own pid in a private OSC sequence, then execs the shell in its place.
 */
const prefix = '\x1b]6973;twinlab-pid=';
const BEL = 0x07;
/** Longest the marker can be; output that does not match by then is passed on untouched. */
const maxMarkerBytes = prefix.length + 12;

/** The `sh -c` script; the shell to start is passed as $0. */
export const pidReportingLaunch = `printf '\\033]6973;twinlab-pid=%s\\007' "$$"; exec "$0"`;

/** Strips the pid marker from the start of a stream and remembers the pid. */
export class PidMarkerReader {
  #held: Buffer | undefined = Buffer.alloc(0);
  #pid: number | undefined;

  get pid(): number | undefined {
    return this.#pid;
  }

  /** The part of `chunk` to pass on (possibly held bytes from before), or undefined while undecided. */
  read(chunk: Buffer): Buffer | undefined {
    if (!this.#held) return chunk;
    const head = this.#held.length === 0 ? chunk : Buffer.concat([this.#held, chunk]);
    const text = head.toString('latin1', 0, Math.min(head.length, maxMarkerBytes));
    if (!text.startsWith(prefix.slice(0, Math.min(text.length, prefix.length)))) return this.#giveUp(head);
    if (text.length < prefix.length) {
      this.#held = head;
      return undefined;
    }
    const end = head.indexOf(BEL, prefix.length);
    if (end === -1) {
      if (head.length >= maxMarkerBytes) return this.#giveUp(head);
      this.#held = head;
      return undefined;
    }
    const pid = Number(head.toString('latin1', prefix.length, end));
    if (Number.isInteger(pid) && pid > 0) this.#pid = pid;
    this.#held = undefined;
    return head.subarray(end + 1);
  }

  /** The stream ended: whatever is still held. */
  end(): Buffer | undefined {
    const held = this.#held;
    this.#held = undefined;
    return held && held.length > 0 ? held : undefined;
  }

  #giveUp(head: Buffer): Buffer {
    this.#held = undefined;
    return head;
  }
}
