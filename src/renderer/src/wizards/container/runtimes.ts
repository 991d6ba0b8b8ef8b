import { useHostReport } from '../../data/queries';

/** Runtime names the create spec accepts (runc, runsc, kata-*); Docker's internal names are left out. */
const specRuntime = /^(runc|runsc|kata(-[a-z0-9]+)*)$/;

/** "runc, io.containerd.runc.v2, runsc" (the docker-runtimes check) → ["runc", "runsc"]. */
export function runtimesFromCheck(listed: unknown): string[] {
  if (typeof listed !== 'string') return [];
  return listed
    .split(',')
    .map((name) => name.trim())
    .filter((name) => specRuntime.test(name));
}

/**
 * The runtimes registered with Docker, from the Host page's check; until that answers, runc and
 * runsc, and validation says if one is missing.
 */
export function useRuntimeOptions(): string[] {
  const report = useHostReport();
  const check = report.data?.checks.find((entry) => entry.id === 'docker-runtimes');
  const runtimes = runtimesFromCheck(check?.params?.['runtimes']);
  return runtimes.length > 0 ? runtimes : ['runc', 'runsc'];
}
