import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * One part of a twin made with docker's CLI, labelled as Twinlab labels its own, with a shell as
 * PID 1: the sandbox on gVisor without network, the container on runc. Returns its name.
 */
export async function cliTwinPart(
  prefix: string,
  twinId: string,
  role: 'container' | 'sandbox',
): Promise<string> {
  const name = `${prefix}-${role}`;
  const runtime = role === 'sandbox' ? ['--runtime', 'runsc', '--network', 'none'] : [];
  const labels = ['io.twinlab.managed=true', 'io.twinlab.template=fixture-twin', `io.twinlab.twin=${twinId}`];
  await run('docker', [
    'run',
    '-dit',
    '--name',
    name,
    ...runtime,
    ...labels.flatMap((label) => ['--label', label]),
    'twinlab-fixture/busybox:1',
  ]);
  return name;
}
