import type { Accelerator, HostReport } from '../../../shared/host';
import { runCheck, type CheckContext } from './check-kit';
import { allChecks } from './checks/all';
import type { DoctorDeps } from './deps';
import { collectHostFacts } from './host-facts';
import type { HostProbe } from './probe';
import { realHostProbe } from './real-probe';

export type { DoctorDeps } from './deps';
export type { DeviceAccess, GroupEntry, HostProbe, UserIdentity } from './probe';
export { realHostProbe } from './real-probe';
export {
  decideAccelerator,
  type AcceleratorDecision,
  type AcceleratorFacts,
  type TcgReason,
} from './accelerator';

/**
 * Runs every host check in parallel and never throws: a broken check becomes a 'fail' or 'warn'
 * entry carrying the error, so the Host page always has something to show.
 */
export async function runHostChecks(deps: DoctorDeps, probe: HostProbe = realHostProbe): Promise<HostReport> {
  const checkedAt = new Date().toISOString();
  const started = performance.now();
  const context: CheckContext = { deps, probe, facts: collectHostFacts(probe) };
  const [checks, accelerator] = await Promise.all([
    Promise.all(allChecks.map((check) => runCheck(check, context))),
    // Unknown host facts mean TCG: it works everywhere, KVM on the wrong host crashes the guest.
    context.facts.accelerator().then(
      (decision): Accelerator => decision.accelerator,
      (): Accelerator => 'tcg',
    ),
  ]);
  return { checkedAt, durationMs: Math.round(performance.now() - started), accelerator, checks };
}
