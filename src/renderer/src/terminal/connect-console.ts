import type { Terminal } from '@xterm/xterm';
import type { ConsoleDataEvent, ConsoleTarget } from '@shared/consoles';
import { ApiError } from '@shared/errors';
import type { ApiClient } from '../api/client';
import type { ConsoleStore } from './console-store';
import { splitInput } from './input-chunks';

export type ViewPhase =
  { phase: 'opening' } | { phase: 'attached'; sessionId: string } | { phase: 'failed'; error: unknown };

export interface ConnectConsoleOptions {
  api: ApiClient;
  store: ConsoleStore;
  term: Terminal;
  target: ConsoleTarget;
  readOnly: boolean;
  onPhase(phase: ViewPhase): void;
  /** Input that main refused (e.g. too much at once). */
  onInputError(error: unknown): void;
  /** Sees what the user typed or pasted after it is sent (the Compare page's Type in all). */
  onInput?(data: string): void;
}

export interface ConsoleConnection {
  dispose(): void;
}

/** Acknowledge rendered output in batches, the way VS Code's terminal does. */
export const ackEveryChars = 5_000;
/** A smaller remainder is acknowledged once output has been quiet this long. */
const ackIdleMs = 250;
/** Resizes while a window is dragged are sent once it settles. */
const resizeSettleMs = 60;

const ignore = () => undefined;

/** The session is gone in main (closed, or main restarted): open a new one. */
function sessionGone(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.key === 'console.unknownSession' || error.key === 'console.sessionClosed')
  );
}

/**
 * Connects one xterm view to the console session of `target`: finds or opens the session, attaches
 * (writes the replay, then every data event from the replay's end on, including those that arrived
 * while attach was under way), sends input and size, acknowledges what xterm has rendered, and
 * detaches when disposed. The session itself stays open in main for the next view.
 */
export function connectConsole(options: ConnectConsoleOptions): ConsoleConnection {
  const { api, store, term, target } = options;
  let disposed = false;
  let sessionId: string | undefined;
  let ticket: number | undefined;
  /** Stream position where the replay ended; undefined until the attach reply is applied. */
  let attachOffset: number | undefined;
  let early: ConsoleDataEvent[] = [];
  let unacked = 0;
  let ackTimer: ReturnType<typeof setTimeout> | undefined;
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  let input: Promise<void> = Promise.resolve();
  /**
   * While xterm parses the replay it answers the terminal queries in it (a shell's cursor
   * position request, ESC[6n) as if they were new; those stale answers must not reach the shell,
   * which would print them as text.
   */
  let replaying = false;

  const ack = () => {
    clearTimeout(ackTimer);
    if (!sessionId || unacked === 0 || disposed) return;
    const chars = unacked;
    unacked = 0;
    api.call('console.ack', { sessionId, chars }).catch(ignore);
  };
  const rendered = (chars: number) => {
    unacked += chars;
    clearTimeout(ackTimer);
    if (unacked >= ackEveryChars) ack();
    else ackTimer = setTimeout(ack, ackIdleMs);
  };

  const apply = (event: ConsoleDataEvent) => {
    if (attachOffset === undefined) return;
    // Characters before the replay's end are in the replay already.
    const skip = attachOffset - event.offset;
    if (skip >= event.data.length) return;
    const data = skip > 0 ? event.data.slice(skip) : event.data;
    term.write(data, () => rendered(data.length));
  };

  const offData = api.on('console.data', (event) => {
    if (disposed || event.sessionId !== sessionId) return;
    if (attachOffset === undefined) early.push(event);
    else apply(event);
  });

  const sendSize = () => {
    if (!sessionId || attachOffset === undefined || disposed) return;
    api.call('console.resize', { sessionId, cols: term.cols, rows: term.rows }).catch(ignore);
  };
  const offResize = term.onResize(() => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(sendSize, resizeSettleMs);
  });

  const offInput = term.onData((data) => {
    if (options.readOnly || replaying || !sessionId || attachOffset === undefined) return;
    const id = sessionId;
    // One after another, so pieces of a long paste arrive in order.
    for (const piece of splitInput(data)) {
      input = input
        .then(() => api.call('console.write', { sessionId: id, data: piece }))
        .then(ignore, options.onInputError);
    }
    options.onInput?.(data);
  });

  /** `again`: not the first attach of this view (the view starts out showing "opening" by itself). */
  const attach = async (retried: boolean, again: boolean): Promise<void> => {
    if (again) options.onPhase({ phase: 'opening' });
    attachOffset = undefined;
    early = [];
    try {
      const id = await store.sessionFor(target, { cols: term.cols, rows: term.rows });
      if (disposed) return;
      sessionId = id;
      const myTicket = store.claim(id);
      ticket = myTicket;
      const result = await api.call('console.attach', { sessionId: id });
      if (disposed) {
        // Unmounted while attaching: give the session back, unless a newer view already took it.
        if (store.release(id, myTicket)) api.call('console.detach', { sessionId: id }).catch(ignore);
        return;
      }
      store.update(id, result.state, result.detail);
      term.reset();
      if (result.replay) {
        replaying = true;
        term.write(result.replay, () => (replaying = false));
      }
      attachOffset = result.offset;
      for (const event of early.splice(0)) apply(event);
      if (result.cols !== term.cols || result.rows !== term.rows) sendSize();
      options.onPhase({ phase: 'attached', sessionId: id });
    } catch (error) {
      if (disposed) return;
      if (!retried && sessionId && sessionGone(error)) {
        store.forget(sessionId);
        sessionId = undefined;
        return attach(true, true);
      }
      options.onPhase({ phase: 'failed', error });
    }
  };

  // Browser mode: events sent while the WebSocket was down are lost, so attach again for a replay.
  let linkLost = false;
  const offConnection = api.onConnection((state) => {
    if (state === 'closed') linkLost = true;
    else if (state === 'open' && linkLost) {
      linkLost = false;
      if (!disposed) void attach(false, true);
    }
  });

  void attach(false, false);

  return {
    dispose() {
      if (disposed) return;
      ack();
      disposed = true;
      clearTimeout(ackTimer);
      clearTimeout(resizeTimer);
      offData();
      offConnection();
      offResize.dispose();
      offInput.dispose();
      // Only the view that finished attaching detaches here; one still attaching does it itself.
      if (
        sessionId &&
        ticket !== undefined &&
        attachOffset !== undefined &&
        store.release(sessionId, ticket)
      ) {
        api.call('console.detach', { sessionId }).catch(ignore);
      }
    },
  };
}
