/**
 * What Twinlab types into a VM's probe shell (a root `sh` on the guest's second serial port, which
 * the learner never sees) and how it reads the answer back. The guest needs only a POSIX shell,
 * base64, setsid, sleep and kill: BusyBox and every cloud image have them.
 *
 * Every line is self-contained, so a line lost while the guest was still starting costs one
 * syntax error, never a shell stuck in a here-document. The command travels base64-encoded (no
 * quoting, no control characters on the line) in chunks well under the tty's 4096-byte line limit.
 * Markers carry a per-run id and are assembled by printf, so an echoed line never looks like one.
 */

const chunkChars = 1024;
const scriptFile = '/tmp/.twinlab-probe';

export interface ProbeRequest {
  /** Unique per run: [0-9a-z] only. */
  id: string;
  command: string;
  /** The guest kills the command's whole process group after this many seconds. */
  timeoutSeconds: number;
}

/** The lines to send, each ending in "\n". */
export function probeLines({ id, command, timeoutSeconds }: ProbeRequest): string[] {
  const encoded = Buffer.from(command, 'utf8').toString('base64');
  const chunks: string[] = [];
  for (let at = 0; at < encoded.length; at += chunkChars) chunks.push(encoded.slice(at, at + chunkChars));
  return [
    // set +m: a probe shell with the tty as its controlling terminal is interactive, with job
    // control, and would give `&` its own process group, so setsid would fork and return at once.
    `set +m 2>/dev/null; stty -echo 2>/dev/null; : > ${scriptFile}.b64`,
    ...chunks.map((chunk) => `printf %s '${chunk}' >> ${scriptFile}.b64`),
    [
      `base64 -d ${scriptFile}.b64 > ${scriptFile}.sh`,
      `printf 'TWLP-%s-begin\\n' ${id}`,
      // setsid: the command leads its own process group, so the timeout kills what it started too.
      `setsid sh ${scriptFile}.sh </dev/null 2>&1 & p=$!`,
      `(sleep ${timeoutSeconds}; printf '\\nTWLP-%s-timeout\\n' ${id}; kill -KILL -$p) 2>/dev/null & w=$!`,
      `wait $p; e=$?; kill $w 2>/dev/null`,
      `printf '\\nTWLP-%s-end-%s\\n' ${id} $e`,
    ].join('; '),
  ].map((line) => `${line}\n`);
}

/** A line that only answers: the probe shell is there and reading. */
export function pingLine(id: string): string {
  return `printf 'TWLP-%s-pong\\n' ${id}\n`;
}

export function pongSeen(received: string, id: string): boolean {
  return received.includes(`TWLP-${id}-pong`);
}

export interface ProbeAnswer {
  output: string;
  exitCode: number | null;
  timedOut: boolean;
}

/**
 * The answer to run `id` in what the channel received, once its end marker is there. Output is
 * what the command printed (its stdout and stderr as the tty interleaved them), newlines as "\n",
 * without the final newline, as the other side runs answer.
 */
export function parseProbeAnswer(received: string, id: string): ProbeAnswer | undefined {
  const text = received.replace(/\r\n/g, '\n');
  const begin = `TWLP-${id}-begin\n`;
  const start = text.indexOf(begin);
  if (start < 0) return undefined;
  const end = new RegExp(`\\nTWLP-${id}-end-(\\d+)\\n`).exec(text.slice(start + begin.length));
  if (!end) return undefined;
  let body = text.slice(start + begin.length, start + begin.length + end.index);
  const timeoutMark = body.indexOf(`\nTWLP-${id}-timeout\n`);
  const timedOut = timeoutMark >= 0;
  if (timedOut) body = body.slice(0, timeoutMark);
  return {
    output: body.replace(/\n$/, ''),
    exitCode: timedOut ? null : Number(end[1]),
    timedOut,
  };
}

/** What the command printed so far, for a run the host gave up waiting for. */
export function partialProbeOutput(received: string, id: string): string {
  const text = received.replace(/\r\n/g, '\n');
  const begin = `TWLP-${id}-begin\n`;
  const start = text.indexOf(begin);
  return start < 0 ? '' : text.slice(start + begin.length).replace(/\n$/, '');
}

/** How often the guest checks that its serial terminal still has the console's size. */
const sizeKeeperSeconds = 2;

function sizeKeeperFile(tty: string): string {
  return `$d/.twinlab-size-${tty.replace(/[^A-Za-z0-9]/g, '-')}`;
}

/** /run is a tmpfs where there is one (systemd), so a reboot forgets the keeper's token. */
const keeperDir = 'd=/run; [ -d $d ] || d=/tmp';

/**
 * Sets the learner's serial terminal size, as a probe command (the kernel sends SIGWINCH to its
 * shell), and leaves a keeper loop in the guest that puts it back when something resets it. A
 * serial tty's size lives only while the port is open: a getty (re)starting (at boot, cloud-init
 * restarting it for autologin, after each logout) opens it afresh and sets 24×80. The keeper runs
 * as long as the token file holds its shell's pid, so the next size (or stopSizeKeeperCommand)
 * ends it without killing a pid that might belong to something else by then. `redraw` changes the
 * size twice, so that the shell redraws its prompt even when the size was already right.
 */
export function sttySizeCommand(tty: string, cols: number, rows: number, redraw = false): string {
  const device = `/dev/${tty}`;
  const file = sizeKeeperFile(tty);
  const size = `rows ${rows} cols ${cols}`;
  return [
    keeperDir,
    // The kernel signals SIGWINCH only when the size changes: one row less first makes it a change.
    ...(redraw ? [`stty -F ${device} rows ${rows > 1 ? rows - 1 : rows + 1} cols ${cols} 2>/dev/null`] : []),
    `stty -F ${device} ${size} || exit 1`,
    `echo $$ > ${file}`,
    `k=$$; (while sleep ${sizeKeeperSeconds} && [ "$(cat ${file} 2>/dev/null)" = "$k" ]; do`,
    `  [ "$(stty -F ${device} size 2>/dev/null)" = "${rows} ${cols}" ] || stty -F ${device} ${size} 2>/dev/null`,
    'done) </dev/null >/dev/null 2>&1 &',
  ].join('\n');
}

/** Ends the keeper of sttySizeCommand: the terminal keeps its size until something resets it. */
export function stopSizeKeeperCommand(tty: string): string {
  return `${keeperDir}; rm -f ${sizeKeeperFile(tty)}`;
}
