import { StringDecoder } from 'node:string_decoder';
import type Docker from 'dockerode';
import { DockerStreamDemuxer } from './stream-demux';

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Output beyond this is dropped: exec here is for short probes (uname -r), not for consoles. */
const MAX_OUTPUT = 1024 * 1024;

/** Runs a command in a running container without a terminal and collects its demultiplexed output. */
export async function execCollect(container: Docker.Container, command: string[]): Promise<ExecResult> {
  const exec = await container.exec({ Cmd: command, AttachStdout: true, AttachStderr: true, Tty: false });
  const stream = await exec.start({ hijack: true, stdin: false });
  const decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
  const output = { stdout: '', stderr: '' };
  const demuxer = new DockerStreamDemuxer((name, payload) => {
    if (output[name].length < MAX_OUTPUT) output[name] += decoders[name].write(payload);
  });
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => demuxer.write(chunk));
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', reject);
  });
  output.stdout += decoders.stdout.end();
  output.stderr += decoders.stderr.end();
  return { exitCode: await exitCodeOf(exec), stdout: output.stdout, stderr: output.stderr };
}

/** The output can end a moment before Docker records the exit code, so ask again briefly. */
async function exitCodeOf(exec: Docker.Exec): Promise<number> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const info = await exec.inspect();
    if (!info.Running && info.ExitCode !== null) return info.ExitCode;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return -1;
}
