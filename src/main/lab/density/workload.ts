import type { DensityWorkload } from '@shared/density';

/**
 * The density workloads as BusyBox shell commands, the same in a container, a system container and
 * the microVM (run beside the console: docker exec, LXD exec, the VM's probe channel). Each start
 * command returns at once and leaves its process running in the guest; its check command succeeds
 * (exit 0) only once the workload really runs.
 */

const HOLD_PID_FILE = '/tmp/twinlab-density-hold.pid';

/** What starts the workload, or undefined for idle (the template's own command and nothing more). */
export function workloadStartCommand(workload: DensityWorkload): string | undefined {
  switch (workload.kind) {
    case 'idle':
      return undefined;
    case 'web':
      return detached('httpd -f -p 8080');
    case 'hold':
      // A 1 MiB string doubled, then appended by the bits of N: a handful of copies and no pipe
      // (gVisor moves a pipe's bytes at a few MiB/s). The string lives in the shell's heap,
      // written and so touched, as long as the loop runs.
      return detached(
        'b=y; i=0; while [ $i -lt 20 ]; do b=$b$b; i=$((i + 1)); done; ' +
          `x=; n=${workload.mib}; ` +
          'while [ $n -gt 0 ]; do if [ $((n % 2)) -eq 1 ]; then x=$x$b; fi; n=$((n / 2)); if [ $n -gt 0 ]; then b=$b$b; fi; done; ' +
          `b=; echo $$ > ${HOLD_PID_FILE}; while :; do sleep 3600; done`,
      );
  }
}

/** Exit 0 once the workload runs: the web server answers, or the holder's resident memory reached the size. */
export function workloadCheckCommand(workload: DensityWorkload): string | undefined {
  switch (workload.kind) {
    case 'idle':
      return undefined;
    case 'web':
      // Any HTTP answer (a 404 for the empty document root too) means the server is up.
      return "wget -O /dev/null http://127.0.0.1:8080/ 2>&1 | grep -q 'HTTP/1'";
    case 'hold': {
      // 95 % of the size: the variable is the bytes themselves, so a holder short of that is still filling.
      const minKiB = Math.floor((workload.mib * 1024 * 95) / 100);
      return `p=$(cat ${HOLD_PID_FILE} 2>/dev/null) && [ -n "$p" ] && [ "$(awk '/^VmRSS:/ {print $2}' /proc/$p/status)" -ge ${minKiB} ]`;
    }
  }
}

/**
 * Memory a guest needs for the workload: while the string is built, the doubled block, the string
 * and the copy an append makes live at once (about 2.7 times the size), plus room for the shell.
 */
export function workloadMemoryMiB(workload: DensityWorkload): number {
  return workload.kind === 'hold' ? 3 * workload.mib + 32 : 0;
}

/** In the background, detached from the exec's output so the side run returns at once. */
function detached(script: string): string {
  return `setsid sh -c '${script}' </dev/null >/dev/null 2>&1 &`;
}
