import type { CheckGroup, CheckStatus, HostCheck, HostFix } from '../../../shared/host';
import type { DoctorDeps } from './deps';
import type { HostFacts } from './host-facts';
import type { HostProbe } from './probe';

export interface CheckContext {
  deps: DoctorDeps;
  probe: HostProbe;
  facts: HostFacts;
}

/** What a check decides; ids and i18n keys are derived from its definition so they stay consistent. */
export interface CheckOutcome {
  status: CheckStatus;
  /** Last segment of the summary key: `host.check.<camelId>.<outcome>`. */
  outcome: string;
  params?: Record<string, string | number>;
  details?: Record<string, string>;
  fix?: HostFix;
}

export interface CheckDefinition {
  /** Stable id, kebab-case; the renderer and tests rely on it. */
  id: string;
  group: CheckGroup;
  /** Status shown when the check itself breaks: 'fail' where the lab cannot work without the answer. */
  statusOnError: Extract<CheckStatus, 'fail' | 'warn'>;
  run(context: CheckContext): Promise<CheckOutcome>;
}

/** Shared summary key of a check that threw or timed out; `{{error}}` carries the message. */
export const PROBE_ERROR_KEY = 'host.check.probeError';

/** A check must never hold the report hostage: a hung daemon call ends as an error check. */
export const CHECK_TIMEOUT_MS = 15_000;

export function camelId(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** Never throws itself (String() of a null-prototype object does): it runs inside the last catch. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return 'unknown error';
  }
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Runs one check and always returns a HostCheck, whatever the check or the host throws. */
export async function runCheck(
  definition: CheckDefinition,
  context: CheckContext,
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<HostCheck> {
  const keyBase = `host.check.${camelId(definition.id)}`;
  const base = { id: definition.id, group: definition.group, titleKey: `${keyBase}.title` };
  try {
    // The async wrapper turns a synchronous throw inside run() into a rejection as well.
    const outcome = await withTimeout((async () => definition.run(context))(), timeoutMs);
    const { outcome: name, ...rest } = outcome;
    return { ...base, ...rest, summaryKey: `${keyBase}.${name}` };
  } catch (error) {
    const message = describeError(error);
    return {
      ...base,
      status: definition.statusOnError,
      summaryKey: PROBE_ERROR_KEY,
      params: { error: message },
      details: { error: message },
    };
  }
}
