import { z } from 'zod';
import { locales } from './locales';

/**
 * Template files (YAML). One template may describe a container, a VM, or both (a twin).
 * Paths in a template (kernel, initrd) are relative to the template file's folder.
 */
const mib = z.number().int().positive();

/** Port numbers are range-checked by the create validation, which can say what to do instead. */
const containerPort = z
  .object({
    container: z.number().int(),
    /** Absent: Docker picks a free host port. */
    host: z.number().int().optional(),
    protocol: z.enum(['tcp', 'udp']).default('tcp'),
    /**
     * Also reachable from other computers on the network. Absent or false: published on
     * 127.0.0.1 only, like a VM's forwarded ports (workshop Wi-Fi must not reach a learner's lab).
     */
    lan: z.boolean().optional(),
  })
  .strict();

const containerVolume = z
  .object({
    /** A named volume outlives the container; without a name it is anonymous and removed with it. */
    name: z.string().min(1).optional(),
    target: z.string().min(1),
    readOnly: z.boolean().default(false),
  })
  .strict();

const containerBind = z
  .object({
    /** Absolute host path; it must exist (Twinlab does not create host folders). */
    source: z.string().min(1),
    target: z.string().min(1),
    readOnly: z.boolean().default(false),
  })
  .strict();

export const containerSideSchema = z
  .object({
    image: z.string().min(1),
    command: z.array(z.string()).optional(),
    /** Shell for the console; when absent the console tries bash, then sh. */
    shell: z.string().optional(),
    env: z.record(z.string(), z.string()).optional(),
    memoryMiB: mib.optional(),
    cpus: z.number().positive().optional(),
    ports: z.array(containerPort).optional(),
    volumes: z.array(containerVolume).optional(),
    /** Bind mounts of host folders or files. */
    binds: z.array(containerBind).optional(),
    /** Docker's --restart syntax. */
    restart: z
      .string()
      .regex(
        /^(no|always|unless-stopped|on-failure(:\d+)?)$/,
        'use no, always, unless-stopped or on-failure[:N]',
      )
      .optional(),
    /** OCI runtime: runc (shared kernel), runsc (gVisor's own kernel), kata-* (a small VM). */
    runtime: z
      .string()
      .regex(/^(runc|runsc|kata(-[a-z0-9]+)*)$/, 'use runc, runsc or a kata runtime such as kata-qemu')
      .optional(),
  })
  .strict();

export type ContainerSide = z.output<typeof containerSideSchema>;
export type ContainerPort = NonNullable<ContainerSide['ports']>[number];
export type ContainerVolume = NonNullable<ContainerSide['volumes']>[number];
export type ContainerBind = NonNullable<ContainerSide['binds']>[number];

export const vmBootSchema = z
  .object({
    kernel: z.string().min(1),
    initrd: z.string().min(1).optional(),
    cmdline: z.string().default('console=ttyS0'),
  })
  .strict();

const port = z.number().int().min(1).max(65535);

/**
 * A cloud image: downloaded once into the cache, verified, and never written to (each VM gets an
 * overlay). It names its checksum exactly one way: `sha256` (the hex digits) or `checksums` (the URL
 * of the project's checksum file, read at download time). Without a url it must already be in the
 * cache (an imported image).
 */
const checksumFields = {
  url: z.url({ protocol: /^https?$/ }).optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'use the 64 hex digits of the SHA-256 checksum')
    .transform((hex) => hex.toLowerCase())
    .optional(),
  /** A SHA256SUMS / SHA512SUMS / Fedora CHECKSUM file listing the file's name. */
  checksums: z.url({ protocol: /^https?$/ }).optional(),
};

/** A downloaded file names its checksum exactly one way, and without a url it must be cached already. */
function refineChecksum(
  what: string,
  artifact: { url?: string | undefined; sha256?: string | undefined; checksums?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if ((artifact.sha256 === undefined) === (artifact.checksums === undefined))
    ctx.addIssue({
      code: 'custom',
      path: artifact.sha256 === undefined ? ['sha256'] : ['checksums'],
      message: `${what} needs exactly one of sha256 (the checksum) and checksums (the URL of a checksum file)`,
    });
  if (artifact.url === undefined && artifact.sha256 === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['url'],
      message: `${what} without a url must give its sha256 (it is found in the image cache by checksum)`,
    });
}

export const vmImageSchema = z
  .object({ ...checksumFields, format: z.enum(['qcow2', 'raw']).default('qcow2') })
  .strict()
  .superRefine((image, ctx) => refineChecksum('an image', image, ctx));

/** A kernel for direct boot, downloaded and verified like a cloud image (e.g. Ubuntu's unpacked cloud kernel). */
export const vmKernelSchema = z
  .object(checksumFields)
  .strict()
  .superRefine((kernel, ctx) => refineChecksum('a kernel', kernel, ctx));

/**
 * A same-userland VM: it boots the template's container image's own files (packed by Twinlab as an
 * initramfs, with Twinlab's small init) with this kernel, so container and VM differ only in the
 * kernel and the virtualization.
 */
export const vmUserlandSchema = z.object({ kernel: vmKernelSchema }).strict();

/** cloud-init NoCloud settings; the password is plain text on purpose (shown in the UI for workshops). */
export const vmCloudInitSchema = z
  .object({
    hostname: z
      .string()
      .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'use lowercase letters, digits and dashes (at most 63)')
      .optional(),
    user: z
      .string()
      .regex(/^[a-z_][a-z0-9_-]{0,31}$/, 'use a Linux user name: lowercase letters, digits, _ and -')
      .default('learner'),
    password: z.string().min(1).optional(),
    sshAuthorizedKeys: z.array(z.string().min(1)).default([]),
    /** Log the user in on the serial console without a password (systemd guests). */
    autologin: z.boolean().default(true),
  })
  .strict();

export const vmPortForwardSchema = z
  .object({
    guest: port,
    /** Bound on 127.0.0.1 only. */
    host: port,
    protocol: z.enum(['tcp', 'udp']).default('tcp'),
  })
  .strict();

/**
 * A blank disk for experiments (lesson "virtio vs emulated devices"): sparse, raw, deleted with the VM.
 * virtio is paravirtual; ide and sata are emulated controllers that any guest kernel can drive.
 */
export const vmScratchDiskSchema = z
  .object({
    bus: z.enum(['virtio', 'ide', 'sata']),
    sizeMiB: z.number().int().min(1).max(4096),
  })
  .strict();

/** The NIC models a template may ask for: paravirtual virtio-net, or QEMU's emulated Intel e1000. */
export const vmNicModels = ['virtio', 'e1000'] as const;

/** What the serial console shows when a guest of each kind is ready, unless the template says otherwise. */
export const defaultReadyPatterns = {
  /** Printed by Twinlab's BusyBox initramfs (scripts/build-fixtures.sh). */
  kernel: 'TWINLAB-READY',
  /** getty's prompt on the serial console of a cloud image. */
  image: 'login:',
} as const;

export const vmSideSchema = z
  .object({
    vcpus: z.number().int().min(1).max(64).default(1),
    memoryMiB: mib.min(64),
    /** Direct kernel boot: fast microVMs with no disk image. Exactly one of boot, image and userland. */
    boot: vmBootSchema.optional(),
    /** Boot a cloud image from a copy-on-write overlay. Exactly one of boot, image and userland. */
    image: vmImageSchema.optional(),
    /** Boot the container side's image with a kernel. Exactly one of boot, image and userland. */
    userland: vmUserlandSchema.optional(),
    /** Size of the VM's disk as the guest sees it (never smaller than the image). Image only. */
    diskGiB: z.number().int().min(1).max(2048).optional(),
    /** Image only. */
    cloudInit: vmCloudInitSchema.optional(),
    /** Host ports forwarded into the guest (user-mode networking). */
    portForwards: z.array(vmPortForwardSchema).default([]),
    /** Text on the serial console that means the guest is ready (boot time ends here). */
    readyPattern: z.string().min(1).optional(),
    /** Blank disks beside the boot disk, on the bus each names. */
    scratchDisks: z.array(vmScratchDiskSchema).max(4).optional(),
    /** One NIC per entry, in this order (default: one virtio NIC). Not with port forwards. */
    nicModels: z.array(z.enum(vmNicModels)).min(1).max(4).optional(),
  })
  .strict()
  .superRefine((vm, ctx) => {
    const sources = [vm.boot, vm.image, vm.userland].filter((source) => source !== undefined).length;
    if (sources !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: vm.boot ? ['image'] : ['boot'],
        message:
          'a vm needs exactly one of boot (a kernel), image (a cloud image) and userland (the container image with a kernel)',
      });
    }
    if (vm.nicModels !== undefined && vm.portForwards.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['nicModels'],
        message: 'nicModels cannot be combined with portForwards (the forwarding NIC is always virtio)',
      });
    if (!vm.image) {
      for (const field of ['diskGiB', 'cloudInit'] as const) {
        if (vm[field] !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `${field} applies only to a vm with an image`,
          });
      }
    }
  })
  .transform((vm) => ({
    ...vm,
    readyPattern: vm.readyPattern ?? defaultReadyPatterns[vm.image ? 'image' : 'kernel'],
  }));

export type VmSide = z.output<typeof vmSideSchema>;
export type VmBoot = z.output<typeof vmBootSchema>;
export type VmImage = z.output<typeof vmImageSchema>;
export type VmKernel = z.output<typeof vmKernelSchema>;
export type VmUserland = z.output<typeof vmUserlandSchema>;
export type VmCloudInit = z.output<typeof vmCloudInitSchema>;
export type VmPortForward = z.output<typeof vmPortForwardSchema>;
export type VmScratchDisk = z.output<typeof vmScratchDiskSchema>;
export type VmNicModel = (typeof vmNicModels)[number];

/** Simplestreams image servers by the names LXD's and Incus's CLIs give them (`lxc launch images:debian/12`). */
export const systemRemotes: Record<'images', string> = { images: 'https://images.linuxcontainers.org' };

/**
 * A system container (LXD/Incus): a whole userland booted by its own init, sharing the host's
 * kernel. Without `remote` the image is an alias or fingerprint already in LXD's image store; with
 * it, `image` is an alias on that simplestreams server, which Twinlab downloads (through the HTTP
 * mirror when one is set) and imports into the store once.
 */
export const systemSideSchema = z
  .object({
    image: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$/, 'use an LXD image alias or fingerprint'),
    /** A simplestreams server: a name from systemRemotes, or the URL of another one. */
    remote: z.union([z.enum(['images']), z.url({ protocol: /^https?$/ })]).optional(),
    /** Shell for the console; when absent the console tries bash, then sh. */
    shell: z.string().optional(),
    memoryMiB: mib.optional(),
    cpus: z.number().int().min(1).max(64).optional(),
  })
  .strict();

export type SystemSide = z.output<typeof systemSideSchema>;

const translation = z.object({ name: z.string().min(1), description: z.string().optional() }).strict();

export const templateSchema = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{0,62}$/,
        'use lowercase letters, digits and dashes (at most 63), starting with a letter or digit',
      ),
    name: z.string().min(1),
    description: z.string().default(''),
    tags: z.array(z.string()).default([]),
    i18n: z.partialRecord(z.enum(locales), translation).optional(),
    container: containerSideSchema.optional(),
    vm: vmSideSchema.optional(),
    system: systemSideSchema.optional(),
  })
  .strict()
  .refine((t) => t.container || t.vm || t.system, {
    message: 'a template needs a container side, a vm side, a system side, or more',
  })
  .refine((t) => !t.vm?.userland || t.container, {
    path: ['vm', 'userland'],
    message: "a userland vm boots the container side's image: add a container side with that image",
  });

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
