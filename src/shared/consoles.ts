import { z } from 'zod';
import { guestIdSchema } from './refs';

/** Embedded terminals: sessions live in main; the renderer attaches, writes, resizes and acks. */
export type ConsoleState = 'connecting' | 'open' | 'disconnected' | 'closed';

export type ConsoleStateDetail =
  | { reason: 'exited'; exitCode: number | null }
  | { reason: 'lost'; message: string }
  | { reason: 'connect-failed'; message: string; key?: string }
  | { reason: 'closed' };

export interface ConsoleSessionInfo {
  id: string;
  title: string;
  /** Who the session belongs to (e.g. `container:<id>`), so its owner can find it again. */
  owner?: string;
  state: ConsoleState;
  detail?: ConsoleStateDetail;
  cols: number;
  rows: number;
  attached: boolean;
  /** Output is held back because the viewer has not acknowledged enough of it. */
  paused: boolean;
  unackedChars: number;
  createdAt: string;
  /** Read-only sessions (logs) take no input. */
  readOnly: boolean;
}

export interface ConsoleAttachResult {
  replay: string;
  /** Stream position just after `replay`: data events with a smaller offset are already in it. */
  offset: number;
  state: ConsoleState;
  detail?: ConsoleStateDetail;
  cols: number;
  rows: number;
}

const size = { cols: z.number().int().min(1).max(1000), rows: z.number().int().min(1).max(1000) };
const guestId = guestIdSchema;

export const consoleTargetSchema = z.discriminatedUnion('kind', [
  /** An interactive shell in a container (docker exec). */
  z.object({ kind: z.literal('container'), guestId }).strict(),
  /** A container's log, followed (read-only). */
  z.object({ kind: z.literal('container-logs'), guestId }).strict(),
  /** A shell in a system container (an LXD/Incus exec with a pty). */
  z.object({ kind: z.literal('system'), guestId }).strict(),
  /** A VM's serial console (`virsh console`). */
  z.object({ kind: z.literal('vm'), guestId }).strict(),
  /** A login shell on the host itself (node-pty), beside the guests on the Compare page. One per app. */
  z.object({ kind: z.literal('host'), guestId: z.literal('host') }).strict(),
]);
export type ConsoleTarget = z.infer<typeof consoleTargetSchema>;

/**
 * The owner tag of a target's session (`container:<id>`): one live session per target, shared by
 * every view of it. Main tags sessions with it; the renderer finds them again by it.
 */
export function consoleOwner(target: ConsoleTarget): string {
  return `${target.kind}:${target.guestId}`;
}

/** Whether a session's owner tag is a VM's serial console (any VM's). */
export function isVmConsoleOwner(owner: string | undefined): boolean {
  return owner?.startsWith(consoleOwner({ kind: 'vm', guestId: '' })) ?? false;
}

export const consoleOpenSchema = z.object({ target: consoleTargetSchema, ...size }).strict();
export const consoleSessionSchema = z.object({ sessionId: z.string().min(1).max(64) }).strict();
export const consoleWriteSchema = consoleSessionSchema
  .extend({
    data: z
      .string()
      .min(1)
      .max(64 * 1024),
  })
  .strict();
export const consoleResizeSchema = consoleSessionSchema.extend(size).strict();
export const consoleAckSchema = consoleSessionSchema
  .extend({ chars: z.number().int().min(1).max(10_000_000) })
  .strict();

export interface ConsoleDataEvent {
  sessionId: string;
  data: string;
  offset: number;
}

export interface ConsoleStateEvent {
  sessionId: string;
  state: ConsoleState;
  detail?: ConsoleStateDetail;
}
