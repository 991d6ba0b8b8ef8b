import type { ContainerCreateSpec } from '@shared/containers';

export {
  containerCreateSpecSchema,
  type ContainerCreateSpec,
  type ContainerCreateSpecInput,
} from '@shared/containers';

/** Facts about the host a spec is mapped for, passed in so that the mappers stay pure. */
export interface CreateTraits {
  /** ISO time for the io.twinlab.created label. */
  createdAt: string;
  /**
   * The chosen runtime only works without a network on this host (gVisor registered with
   * --network=none), so the container gets NetworkMode "none".
   */
  runtimeWithoutNetwork: boolean;
}

export const MIB = 1024 * 1024;

export function isInteractive(spec: Pick<ContainerCreateSpec, 'interactive' | 'command'>): boolean {
  return spec.interactive ?? (spec.command === undefined || spec.command.length === 0);
}

export type RestartPolicyName = 'no' | 'always' | 'unless-stopped' | 'on-failure';

export function parseRestartPolicy(value: string): { name: RestartPolicyName; maximumRetryCount: number } {
  const [name, retries] = value.split(':') as [RestartPolicyName, string | undefined];
  return { name, maximumRetryCount: retries === undefined ? 0 : Number(retries) };
}
