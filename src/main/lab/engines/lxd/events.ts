import type { LxdClient } from './client';

/** An instance's lifecycle event: e.g. instance-started, instance-stopped, instance-deleted. */
export interface LxdInstanceEvent {
  action: string;
  /** The instance's name. */
  name: string;
}

export type LxdEventSignal =
  | { type: 'instance'; event: LxdInstanceEvent }
  /** The stream is back after a gap (the daemon restarted): what happened in the gap was not seen. */
  | { type: 'reconnected' };

interface LifecycleMessage {
  type?: string;
  metadata?: { action?: string; source?: string };
}

const retryMs = 1000;

/** Parses one /1.0/events message; undefined for anything that is not an instance's lifecycle. */
export function instanceEventOf(text: string): LxdInstanceEvent | undefined {
  let message: LifecycleMessage;
  try {
    message = JSON.parse(text) as LifecycleMessage;
  } catch {
    return undefined;
  }
  const source = message.metadata?.source ?? '';
  const match = /^\/1\.0\/instances\/([^/?]+)/.exec(source);
  if (message.type !== 'lifecycle' || !match?.[1] || !message.metadata?.action) return undefined;
  return { action: message.metadata.action, name: decodeURIComponent(match[1]) };
}

/**
 * Follows /1.0/events (lifecycle only) for as long as it runs, opening the stream again a second
 * after it ends, so live state survives a daemon restart. Returns the function that stops it.
 */
export function watchLxdEvents(
  client: () => LxdClient,
  onSignal: (signal: LxdEventSignal) => void,
): () => void {
  let stopped = false;
  let hadStream = false;
  let retry: NodeJS.Timeout | undefined;
  let socket: ReturnType<LxdClient['websocket']> | undefined;

  const open = () => {
    if (stopped) return;
    socket = client().websocket('/1.0/events?type=lifecycle');
    socket.on('open', () => {
      if (hadStream) onSignal({ type: 'reconnected' });
      hadStream = true;
    });
    socket.on('message', (data: Buffer) => {
      const event = instanceEventOf(data.toString('utf8'));
      if (event) onSignal({ type: 'instance', event });
    });
    socket.on('error', () => undefined); // followed by close, which retries
    socket.on('close', () => {
      socket = undefined;
      if (stopped) return;
      retry = setTimeout(open, retryMs);
      retry.unref();
    });
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    socket?.terminate();
  };
}
