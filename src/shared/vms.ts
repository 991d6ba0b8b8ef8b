import { z } from 'zod';
import { operationIdSchema } from './refs';

/** VMs: what the renderer sees of the libvirt side. */
export interface VmStats {
  id: string;
  /** ISO time of the sample. */
  at: string;
  /** 100 = one host core busy (like top and docker stats); null while stopped. */
  cpuPercent: number | null;
  vcpus: number;
  memory: {
    /** What the QEMU process holds on the host: `virsh dommemstat` rss. 0 while stopped. */
    hostRssBytes: number;
    hostRssSource: 'dommemstat';
    /** The same figure read from /proc/<qemu pid>/status VmRSS, when Twinlab may read it (a cross-check). */
    procStatusRssBytes?: number;
    /** Memory the guest was given (its "RAM"). */
    guestAssignedBytes: number;
    /** From the balloon driver, when the guest has one: what the guest itself sees as usable/unused. */
    guestUsableBytes?: number;
    guestUnusedBytes?: number;
  };
  disk: {
    /** Space the VM's own files (overlay, seed) take on the host; a shared base image is not counted. */
    hostBytes: number;
    /** Size of the disk as the guest sees it, for VMs with a disk. */
    guestBytes?: number;
  };
}

export interface TransferProgress {
  receivedBytes: number;
  /** Unknown when the server sends no length. */
  totalBytes?: number;
  /** Over the last few seconds, so a stall shows quickly. */
  bytesPerSecond: number;
  etaSeconds?: number;
  /** Bytes that were already on disk from an earlier, interrupted attempt. */
  resumedFromBytes: number;
}

export type ShutdownResult =
  | { outcome: 'stopped'; waitedMs: number }
  /** The guest ignored the ACPI request (or is still busy): the caller may offer "force off" (forceOff). */
  | { outcome: 'timeout'; waitedMs: number; canForceOff: true };

export interface Leftovers {
  /** Twinlab domains whose own files are gone (a crash during create, or files deleted by hand). */
  brokenDomains: { id: string; name: string; missingFiles: string[] }[];
  /** Folders in the data dir that belong to no domain (a crash before define or during delete). */
  orphanFolders: { path: string; files: string[] }[];
}

/** How to log in on a VM's console: cloud-init's user, and its password when it has one. */
export interface VmLogin {
  user: string;
  password?: string;
}

export const vmActions = ['start', 'shutdown', 'forceOff', 'suspend', 'resume', 'reboot', 'remove'] as const;
export type VmAction = (typeof vmActions)[number];

/** libvirt domain names Twinlab accepts: the wizard checks as it types, main before any call. */
export const vmNamePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

const vmName = z
  .string()
  .regex(vmNamePattern, 'use letters, digits, dot, dash and underscore, starting with a letter or digit');

export const vmCreateSchema = z
  .object({
    templateId: z.string().min(1).max(64),
    name: vmName,
    twinId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type VmCreateInput = z.infer<typeof vmCreateSchema>;

/** One boot measured on the serial console: from the vCPUs starting to the template's ready pattern. */
export interface BootRecord {
  id: string;
  name: string;
  readyMs: number;
  pattern: string;
  at: string;
}

/** A path on the computer running Twinlab (not the browser's): the main process reads it. */
const hostPath = z.string().trim().startsWith('/', 'use an absolute path, starting with /').max(4096);
const importCommon = {
  /** The new template's name, as the wizard will show it; its id is made from it. */
  name: z.string().trim().min(1).max(80),
  memoryMiB: z.number().int().min(64).max(65536).optional(),
  operationId: operationIdSchema,
};

/** Import a VM disk, or a kernel (+ initrd) for direct boot, into the image cache as a new user template. */
export const vmImportImageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('disk'), disk: hostPath, ...importCommon }).strict(),
  z
    .object({
      kind: z.literal('kernel'),
      kernel: hostPath,
      initrd: hostPath.optional(),
      cmdline: z.string().trim().min(1).max(2048).optional(),
      ...importCommon,
    })
    .strict(),
]);
export type VmImportImageInput = z.infer<typeof vmImportImageSchema>;

export interface VmImportedImage {
  templateId: string;
  /** The template file written into the user templates folder. */
  templateFile: string;
  /** SHA-256 of the disk or kernel as stored in the image cache. */
  sha256: string;
}
