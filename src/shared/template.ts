import { z } from 'zod';
import { locales } from './locales';

/**
 * Template files (YAML). One template may describe a container, a VM, or both (a twin).
 * Paths in a template (kernel, initrd) are relative to the template file's folder.
 */
const mib = z.number().int().positive();

export const containerSideSchema = z
  .object({
    image: z.string().min(1),
    command: z.array(z.string()).optional(),
    /** Shell for the console; when absent the console tries bash, then sh. */
    shell: z.string().optional(),
    env: z.record(z.string(), z.string()).optional(),
    memoryMiB: mib.optional(),
    cpus: z.number().positive().optional(),
  })
  .strict();

export const vmBootSchema = z
  .object({
    kernel: z.string().min(1),
    initrd: z.string().min(1).optional(),
    cmdline: z.string().default('console=ttyS0'),
  })
  .strict();

export const vmSideSchema = z
  .object({
    vcpus: z.number().int().min(1).max(64).default(1),
    memoryMiB: mib.min(64),
    /** Direct kernel boot: fast microVMs with no disk image. */
    boot: vmBootSchema,
    /** Text on the serial console that means the guest is ready (boot time ends here). */
    readyPattern: z.string().min(1),
  })
  .strict();

const translation = z.object({ name: z.string().min(1), description: z.string().optional() }).strict();

export const templateSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lowercase letters, digits and dashes (at most 63), starting with a letter or digit'),
    name: z.string().min(1),
    description: z.string().default(''),
    tags: z.array(z.string()).default([]),
    i18n: z.partialRecord(z.enum(locales), translation).optional(),
    container: containerSideSchema.optional(),
    vm: vmSideSchema.optional(),
  })
  .strict()
  .refine((t) => t.container || t.vm, { message: 'a template needs a container side, a vm side, or both' });

export type TemplateFile = z.input<typeof templateSchema>;
export type Template = z.output<typeof templateSchema>;
export type TemplateSource = 'builtin' | 'user' | 'extra';

export interface CatalogEntry {
  template: Template;
  source: TemplateSource;
  /** Absolute path of the YAML file it came from. */
  file: string;
}

/** A template file that could not be used, with the field and the problem. */
export interface CatalogProblem {
  file: string;
  /** Dotted path of the field, e.g. "vm.memoryMiB"; empty for whole-file problems. */
  field: string;
  /** 1-based line of the field in the file, when known. */
  line?: number;
  message: string;
}

export interface Catalog {
  entries: CatalogEntry[];
  problems: CatalogProblem[];
}
