import { z } from 'zod';
import { el, type XmlElement } from './xml-writer';

/** Twinlab's element in a domain's <metadata>: its presence (managed=true) is what lets Twinlab change a domain. */
export const TWINLAB_XMLNS = 'https://twinlab.dev/xmlns/domain/1';
export const TWINLAB_PREFIX = 'twinlab';

export const fileRoles = ['overlay', 'seed', 'scratch'] as const;
export type FileRole = (typeof fileRoles)[number];

export interface TwinlabFile {
  role: FileRole;
  /** Absolute path of a file Twinlab made for this domain (deleted with it). Never a cached base image. */
  path: string;
}

export interface TwinlabMetadata {
  templateId: string;
  twinId?: string;
  /** ISO 8601 */
  createdAt: string;
  files: TwinlabFile[];
  /** The cloud-init user and, when it has one, its password: shown in the UI, kept across restarts. */
  login?: { user: string; password?: string };
}

export function metadataElement(meta: TwinlabMetadata): XmlElement {
  const p = (name: string) => `${TWINLAB_PREFIX}:${name}`;
  return el(
    p('domain'),
    { [`xmlns:${TWINLAB_PREFIX}`]: TWINLAB_XMLNS },
    el(p('managed'), {}, 'true'),
    el(p('template'), {}, meta.templateId),
    meta.twinId !== undefined && el(p('twin'), {}, meta.twinId),
    el(p('created'), {}, meta.createdAt),
    el(p('files'), {}, ...meta.files.map((file) => el(p('file'), { role: file.role }, file.path))),
    meta.login && el(p('user'), {}, meta.login.user),
    meta.login?.password !== undefined && el(p('password'), {}, meta.login.password),
  );
}

const metadataSchema = z.object({
  templateId: z.string(),
  twinId: z.string().min(1).optional(),
  createdAt: z.string(),
  files: z.array(z.object({ role: z.enum(fileRoles), path: z.string().startsWith('/') })),
  login: z.object({ user: z.string().min(1), password: z.string().min(1).optional() }).optional(),
});

/**
 * Reads Twinlab's metadata back from the XML libvirt returns (getXMLDesc). libvirt writes it in its
 * own canonical form and keeps the namespace prefix it was given, but the prefix is looked up from
 * the namespace URI anyway. Only our own small element is read, so patterns suffice; anything that
 * does not match exactly is "not managed", never a guess.
 */
export function readTwinlabMetadata(domainXml: string): TwinlabMetadata | undefined {
  const prefix = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)=(["'])${escapeRegExp(TWINLAB_XMLNS)}\\2`).exec(
    domainXml,
  )?.[1];
  if (!prefix) return undefined;
  const p = escapeRegExp(prefix);
  const block = new RegExp(`<${p}:domain\\b[^>]*>([\\s\\S]*?)</${p}:domain>`).exec(domainXml)?.[1];
  if (block === undefined) return undefined;
  const text = (name: string) => {
    const match = new RegExp(`<${p}:${name}>([^<]*)</${p}:${name}>`).exec(block);
    return match?.[1] === undefined ? undefined : unescapeXml(match[1]);
  };
  if (text('managed') !== 'true') return undefined;
  const files = [
    ...block.matchAll(new RegExp(`<${p}:file\\s+role=(["'])([a-z]+)\\1\\s*>([^<]*)</${p}:file>`, 'g')),
  ].map((match) => ({ role: match[2], path: unescapeXml(match[3] ?? '') }));
  const twinId = text('twin');
  const user = text('user');
  const password = text('password');
  const parsed = metadataSchema.safeParse({
    templateId: text('template'),
    ...(twinId !== undefined && { twinId }),
    ...(user !== undefined && { login: { user, ...(password !== undefined && { password }) } }),
    createdAt: text('created'),
    files,
  });
  return parsed.success ? parsed.data : undefined;
}

/** `<domain type='kvm' …>` → 'kvm' */
export function readDomainType(domainXml: string): string | undefined {
  return /<domain\s+type=(["'])([\w-]+)\1/.exec(domainXml)?.[2];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_all, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity] ?? '';
  });
}
