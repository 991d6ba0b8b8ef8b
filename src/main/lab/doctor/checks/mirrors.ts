import type { MirrorStatus } from '../../../../shared/mirrors';
import type { CheckDefinition, CheckOutcome } from '../check-kit';

/** Where the setting in use came from, as the user would look for it: its file or the variable. */
function origin(status: MirrorStatus): string {
  return status.file ?? (status.source === 'env' ? 'TWINLAB_MIRROR' : '');
}

/**
 * Decides the mirror check from the status (the probes already ran). A bad or silent mirror is a
 * warning, not a failure: the lab itself works, and clearing the mirror (Host page) is the fix.
 */
export function mirrorOutcome(status: MirrorStatus): CheckOutcome {
  const details: Record<string, string> = {
    source: status.source,
    ...(status.file !== undefined && { file: status.file }),
    ...(status.dockerMirrors.length > 0 && { dockerMirrors: status.dockerMirrors.join(', ') }),
  };
  if (status.problem !== undefined) {
    const { key, params = {} } = status.problem;
    const outcome = key === 'mirrors.error.invalidEnv' ? 'invalidEnv' : 'invalidFile';
    return { status: 'warn', outcome, params, details };
  }
  const mirrors = [
    ...(status.http !== undefined ? [{ address: status.http, probe: status.probes.http }] : []),
    ...(status.registry !== undefined ? [{ address: status.registry, probe: status.probes.registry }] : []),
  ];
  for (const { address, probe } of mirrors)
    details[address] = probe?.answers ? 'answers' : (probe?.detail ?? '');
  if (mirrors.length === 0) return { status: 'ok', outcome: 'none', details };
  const silent = mirrors.find((mirror) => !mirror.probe?.answers);
  if (silent)
    return {
      status: 'warn',
      outcome: 'silent',
      params: { mirror: silent.address, detail: silent.probe?.detail ?? '', origin: origin(status) },
      details,
    };
  const addresses = mirrors.map((mirror) => mirror.address).join(', ');
  return {
    status: 'ok',
    outcome: 'answers',
    params: { mirrors: addresses, origin: origin(status) },
    details,
  };
}

/** The mirror setting in use, where it came from, and whether each mirror answers. */
export const mirrorsCheck: CheckDefinition = {
  id: 'mirrors',
  group: 'downloads',
  statusOnError: 'warn',
  async run({ deps }): Promise<CheckOutcome> {
    if (!deps.mirrors) return { status: 'ok', outcome: 'none' };
    return mirrorOutcome(await deps.mirrors());
  },
};
