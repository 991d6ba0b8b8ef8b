import type Docker from 'dockerode';
import { DockerStreamDemuxer } from '../../engines/docker/stream-demux';
import { SideOutput, type SideRunResult } from './side-output';

/**
 * The wrapper prints its own pid on a first line, then becomes the command: a timed-out run can
 * be killed by a second exec, since Docker has no call to kill an exec (and under gVisor a host
 * pid means nothing). The command text is `$1`, one argv element: no shell on the host sees it.
 */
const wrapper = 'echo "$$"; exec sh -c "$1"';

/**
 * `docker exec <container> sh -c <command>` without a TTY: nothing reaches the learner's console.
 * stdout and stderr are demultiplexed and kept in arrival order.
 */
export async function dockerSideRun(
  container: Docker.Container,
  command: string,
  timeoutMs: number,
): Promise<SideRunResult> {
  const exec = await container.exec({
    Cmd: ['sh', '-c', wrapper, 'twinlab-probe', command],
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
  });
  const stream = await exec.start({ hijack: true, stdin: false });
  const output = new SideOutput();
  let pidLine = '';
  let pidSeen = false;
  const demuxer = new DockerStreamDemuxer((name, payload) => {
    if (name === 'stdout' && !pidSeen) {
      const text = payload.toString('latin1');
      const newline = text.indexOf('\n');
      if (newline === -1) {
        pidLine += text;
        return;
      }
      pidLine += text.slice(0, newline);
      pidSeen = true;
      payload = payload.subarray(newline + 1);
    }
    output.add(name, payload);
  });
  const timedOut = await new Promise<boolean>((resolve, reject) => {
    const timer = setTimeout(() => {
      stream.destroy();
      resolve(true);
    }, timeoutMs);
    const ended = () => {
      clearTimeout(timer);
      resolve(false);
    };
    stream.on('data', (chunk: Buffer) => demuxer.write(chunk));
    stream.once('end', ended);
    stream.once('close', ended);
    stream.once('error', (error: Error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  if (timedOut) {
    await killInside(container, pidLine.trim());
    return { output: output.text(), exitCode: null, timedOut: true };
  }
  return { output: output.text(), exitCode: await exitCodeOf(exec), timedOut: false };
}

/** Stops a timed-out probe inside the container, so it does not keep running unseen. */
async function killInside(container: Docker.Container, pid: string): Promise<void> {
  if (!/^\d+$/.test(pid)) return;
  try {
    const exec = await container.exec({
      Cmd: ['kill', '-KILL', pid],
      AttachStdout: false,
      AttachStderr: false,
    });
    await exec.start({ Detach: true });
  } catch {
    // the container stopped meanwhile: nothing left running
  }
}

/** The output can end a moment before Docker records the exit code, so ask again briefly. */
async function exitCodeOf(exec: Docker.Exec): Promise<number | null> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const info = await exec.inspect();
    if (!info.Running && info.ExitCode !== null) return info.ExitCode;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}
