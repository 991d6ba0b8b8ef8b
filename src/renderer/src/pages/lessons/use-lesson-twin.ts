import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guest } from '@shared/guest';
import { useApi } from '../../data/ApiContext';
import { newOperationId } from '../../data/operations';
import { queryKeys } from '../../data/queries';
import type { TwinProgress } from '../../wizards/twin/use-twin-create';
import { lessonTwinName } from './lesson-logic';

/**
 * Making the lesson's twin (Start lesson) and making it again (Reset), with the twin create's
 * progress per part and its Cancel. Reset removes the old guests first, so two twins of one lesson
 * never compete for the host's memory.
 */
export function useLessonTwin(
  lessonId: string,
  onCreated: (twinId: string, templateId: string) => Promise<void>,
) {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState<{ name: string; templateId: string }>();
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<unknown>();
  const [progress, setProgress] = useState<TwinProgress>({});
  const operationId = useRef<string | undefined>(undefined);
  const unsubscribe = useRef<(() => void) | undefined>(undefined);
  useEffect(() => () => unsubscribe.current?.(), []);

  const remove = useCallback(
    async (guests: readonly Guest[]) => {
      for (const guest of guests) {
        if (guest.kind === 'vm') await api.call('vms.action', { id: guest.id, action: 'remove' });
        else if (guest.kind === 'system')
          await api.call('systems.action', { id: guest.id, action: 'remove' });
        else await api.call('containers.action', { id: guest.id, action: 'remove' });
      }
      await queryClient.invalidateQueries({ queryKey: queryKeys.guests });
    },
    [api, queryClient],
  );

  const start = useCallback(
    async (templateId: string, replacing: readonly Guest[] = []) => {
      const id = newOperationId();
      const name = lessonTwinName(lessonId, id.replace(/-/g, ''));
      operationId.current = id;
      setError(undefined);
      setCancelling(false);
      setProgress({});
      setCreating({ name, templateId });
      unsubscribe.current?.();
      unsubscribe.current = api.on('operation.progress', (event) => {
        if (event.operationId !== id) return;
        setProgress((current) => ({ ...current, [event.part ?? 'twin']: event }));
      });
      try {
        await remove(replacing);
        const created = await api.call('twins.create', { templateId, name, operationId: id });
        await queryClient.invalidateQueries({ queryKey: queryKeys.guests });
        // A part this host cannot make (LXD absent): the lesson goes on, its steps that need it are skipped.
        for (const left of created.leftOut ?? [])
          notifications.show({
            color: 'yellow',
            title: t('twins.leftOut.title'),
            message: t(left.key, left.params),
          });
        await onCreated(created.twinId, templateId);
      } catch (caught) {
        setError(caught);
      } finally {
        unsubscribe.current?.();
        unsubscribe.current = undefined;
        operationId.current = undefined;
        setCreating(undefined);
      }
    },
    [api, lessonId, onCreated, queryClient, remove, t],
  );

  const cancel = useCallback(() => {
    const id = operationId.current;
    if (!id) return;
    setCancelling(true);
    api.call('operations.cancel', { operationId: id }).catch((caught: unknown) => setError(caught));
  }, [api]);

  return { creating, cancelling, error, progress, start, cancel };
}
