import { z } from 'zod';
import { containerSideSchema } from '@shared/template';

/**
 * One container to create: a template's container side plus what the wizard adds. Structure is
 * checked here; meaning (name rules, free ports, memory bounds, runtimes) by validateContainerSpec,
 * which can say what to do instead.
 */
export const containerCreateSpecSchema = containerSideSchema
  .extend({
    name: z.string(),
    templateId: z.string().min(1),
    /** Shared with the VM created from the same template. */
    twinId: z.string().min(1).optional(),
    /** Keep stdin open on a terminal. Default: yes when the image's own command runs (a shell). */
    interactive: z.boolean().optional(),
    /** Whether create may download a missing image. */
    pull: z.enum(['if-missing', 'never']).default('if-missing'),
  })
  .strict();

export type ContainerCreateSpecInput = z.input<typeof containerCreateSpecSchema>;
export type ContainerCreateSpec = z.output<typeof containerCreateSpecSchema>;

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
