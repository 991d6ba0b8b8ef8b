import { describe, expect, it } from 'vitest';
import { chooseShell, probeMarker, type ProbeRunner } from '../../../src/main/lab/consoles/shell-choice';

const ociNotFound = (name: string) => ({
  exitCode: 126,
  output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown\r\n`,
});

/** A guest with these programs on its PATH, answering the probes as `docker exec` would. */
function guest(programs: Record<string, string>): { run: ProbeRunner; calls: string[][] } {
  const calls: string[][] = [];
  const run: ProbeRunner = async (cmd) => {
    calls.push(cmd);
    const [program, flag, , , ...candidates] = cmd;
    if (!program || !(program in programs)) return ociNotFound(program ?? '');
    if (program === 'sh' && flag === '-c' && cmd[2]?.includes(probeMarker)) {
      const found = candidates.map((name) => programs[name]).find((path) => path !== undefined);
      return { exitCode: found ? 0 : 1, output: `${probeMarker}\r\n${found ? `${found}\r\n` : ''}` };
    }
    return { exitCode: 0, output: '' };
  };
  return { run, calls };
}

describe('chooseShell', () => {
  it('prefers bash when the image has it, in one probe', async () => {
    const { run, calls } = guest({ sh: '/bin/sh', bash: '/usr/bin/bash' });
    await expect(chooseShell(run)).resolves.toEqual({ shell: '/usr/bin/bash', hasSh: true });
    expect(calls).toHaveLength(1);
  });

  it('falls back to sh in a BusyBox image (no bash)', async () => {
    const { run } = guest({ sh: 'sh' });
    await expect(chooseShell(run)).resolves.toEqual({ shell: 'sh', hasSh: true });
  });

  it('takes the preferred shell when present, and ignores it when missing', async () => {
    await expect(
      chooseShell(guest({ sh: '/bin/sh', zsh: '/bin/zsh', bash: '/bin/bash' }).run, 'zsh'),
    ).resolves.toEqual({ shell: '/bin/zsh', hasSh: true });
    await expect(chooseShell(guest({ sh: '/bin/sh' }).run, 'zsh')).resolves.toEqual({
      shell: '/bin/sh',
      hasSh: true,
    });
  });

  it('runs bash directly when there is no sh to probe with', async () => {
    const { run, calls } = guest({ bash: '/bin/bash' });
    await expect(chooseShell(run)).resolves.toEqual({ shell: 'bash', hasSh: false });
    expect(calls.map((cmd) => cmd[0])).toEqual(['sh', 'bash']);
  });

  it('finds nothing in an image without any shell', async () => {
    const { run, calls } = guest({});
    await expect(chooseShell(run)).resolves.toBeUndefined();
    expect(calls.map((cmd) => cmd[0])).toEqual(['sh', 'bash', 'sh']);
  });

  it('passes candidates as arguments, never spliced into the script', async () => {
    const { run, calls } = guest({ sh: '/bin/sh' });
    await chooseShell(run, '$(reboot)');
    expect(calls[0]?.[2]).not.toContain('reboot');
    expect(calls[0]?.slice(3)).toEqual(['sh', '$(reboot)', 'bash', 'sh']);
  });
});
