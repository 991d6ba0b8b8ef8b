import { notifications } from '@mantine/notifications';
import type { Terminal } from '@xterm/xterm';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleState, ConsoleTarget } from '@shared/consoles';
import { useApi } from '../data/ApiContext';
import { useDescribeError } from '../i18n/describe-error';
import { connectConsole, type ViewPhase } from './connect-console';
import { consoleStoreFor, type SessionSnapshot } from './console-store';

export interface ConsoleSessionOptions {
  kind: ConsoleTarget['kind'];
  guestId: string;
  readOnly: boolean;
  /** Sees what the user typed or pasted, once it is sent (Type in all fans it out). */
  onInput?: (data: string) => void;
}

export interface ConsoleSessionView {
  phase: ViewPhase;
  /** The attached session as the store knows it. */
  snapshot: SessionSnapshot | undefined;
  state: ConsoleState;
  attached: boolean;
  /** Binds a terminal to the target's session; returns the unbinding (for `useXterm`). */
  connect: (term: Terminal) => () => void;
  /** Counts the sessions this view has asked for; a new one needs a new terminal. */
  generation: number;
  reconnecting: boolean;
  reconnect: () => void;
  endSession: () => void;
  newSession: () => void;
}

/** The console target of a view: the host shell has one fixed guest id. */
function targetOf(kind: ConsoleTarget['kind'], guestId: string): ConsoleTarget {
  return kind === 'host' ? { kind, guestId: 'host' } : { kind, guestId };
}

/**
 * A view's side of one console session in main: which phase the view is in (opening, attached,
 * failed), the session's state from the store, and what the user can do about it (reconnect, end,
 * start a new one). The terminal it binds to is the caller's.
 */
export function useConsoleSession({
  kind,
  guestId,
  readOnly,
  onInput,
}: ConsoleSessionOptions): ConsoleSessionView {
  const { t } = useTranslation();
  const api = useApi();
  const store = consoleStoreFor(api);
  const describeError = useDescribeError();
  const [phase, setPhase] = useState<ViewPhase>({ phase: 'opening' });
  const [generation, setGeneration] = useState(0);
  const [reconnecting, setReconnecting] = useState(false);

  const sessionId = phase.phase === 'attached' ? phase.sessionId : undefined;
  const snapshot = useSyncExternalStore(store.subscribe, () => store.get(sessionId));
  const state: ConsoleState = snapshot?.state ?? 'connecting';

  // The binding lives as long as its terminal; it reads the latest callbacks through refs.
  const inputFailed = useRef<(error: unknown) => void>(() => undefined);
  useEffect(() => {
    inputFailed.current = (error) => {
      notifications.show({ color: 'red', title: t('terminal.inputFailed'), message: describeError(error) });
    };
  }, [t, describeError]);
  const inputSeen = useRef(onInput);
  useEffect(() => {
    inputSeen.current = onInput;
  }, [onInput]);

  const connect = useCallback(
    (term: Terminal) => {
      const connection = connectConsole({
        api,
        store,
        term,
        target: targetOf(kind, guestId),
        readOnly,
        onPhase: setPhase,
        onInputError: (error) => inputFailed.current(error),
        onInput: (data) => inputSeen.current?.(data),
      });
      return () => connection.dispose();
    },
    [api, store, kind, guestId, readOnly],
  );

  const reconnect = () => {
    if (!sessionId) return;
    setReconnecting(true);
    api
      .call('console.reconnect', { sessionId })
      .then(
        (info) => store.update(info.id, info.state, info.detail),
        (error: unknown) =>
          notifications.show({
            color: 'red',
            title: t('terminal.reconnectFailed'),
            message: describeError(error),
          }),
      )
      .finally(() => setReconnecting(false));
  };

  const endSession = () => {
    if (!sessionId) return;
    api.call('console.close', { sessionId }).then(
      () => store.update(sessionId, 'closed', { reason: 'closed' }),
      (error: unknown) =>
        notifications.show({ color: 'red', title: t('terminal.closeFailed'), message: describeError(error) }),
    );
  };

  const newSession = () => {
    if (sessionId) store.forget(sessionId);
    setPhase({ phase: 'opening' });
    setGeneration((value) => value + 1);
  };

  return {
    phase,
    snapshot,
    state,
    attached: phase.phase === 'attached',
    connect,
    generation,
    reconnecting,
    reconnect,
    endSession,
    newSession,
  };
}
