import { notifications } from '@mantine/notifications';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleOwner, type ConsoleTarget } from '@shared/consoles';
import { useApi } from '../../data/ApiContext';
import { useDescribeError } from '../../i18n/describe-error';
import { consoleStoreFor } from '../../terminal/console-store';
import { splitInput } from '../../terminal/input-chunks';
import { withoutTerminalReports } from './terminal-reports';

/**
 * Type in all: what is typed or pasted into one console of the twin is written to every other
 * console of it too. Each target has its own queue, so keystrokes arrive in the order typed.
 * Answers the input hook of one pane, or undefined while the switch is off.
 */
export function useTypeInAll(targets: readonly ConsoleTarget[], enabled: boolean) {
  const { t } = useTranslation();
  const api = useApi();
  const describeError = useDescribeError();
  const queues = useRef(new Map<string, Promise<void>>());

  const fanOut = useCallback(
    (from: ConsoleTarget, typed: string) => {
      const data = withoutTerminalReports(typed);
      if (data === '') return;
      for (const target of targets) {
        const key = consoleOwner(target);
        if (key === consoleOwner(from)) continue;
        const previous = queues.current.get(key) ?? Promise.resolve();
        const next = previous
          .then(async () => {
            // The pane of this target has opened its session already; this finds that one.
            const sessionId = await consoleStoreFor(api).sessionFor(target, { cols: 80, rows: 24 });
            for (const piece of splitInput(data)) await api.call('console.write', { sessionId, data: piece });
          })
          .catch((error: unknown) => {
            notifications.show({
              color: 'red',
              title: t('compare.typeInAllFailed'),
              message: describeError(error),
            });
          });
        queues.current.set(key, next);
      }
    },
    [api, targets, t, describeError],
  );

  return useCallback(
    (from: ConsoleTarget) => (enabled ? (data: string) => fanOut(from, data) : undefined),
    [enabled, fanOut],
  );
}
