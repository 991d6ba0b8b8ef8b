import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TwinRole } from '@shared/twin-roles';
import type { OperationProgress } from '@shared/operations';
import { useApi } from '../../data/ApiContext';
import { newOperationId } from '../../data/operations';
import { queryKeys } from '../../data/queries';
import { focusConsoleState } from '../../app/navigation-focus';

/** The latest progress event of each part, and of the twin as a whole (events without a part). */
export type TwinProgress = Partial<Record<TwinRole | 'twin', OperationProgress>>;

/**
 * The New twin flow's Create: one operation whose progress events carry the part they belong to,
 * gathered per part (several events may arrive between two renders); cancellable; it ends on the
 * Compare page of the new twin.
 */
export function useTwinCreate() {
  const api = useApi();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [createError, setCreateError] = useState<unknown>();
  const [progress, setProgress] = useState<TwinProgress>({});
  const operationId = useRef<string | undefined>(undefined);
  const unsubscribe = useRef<(() => void) | undefined>(undefined);
  useEffect(() => () => unsubscribe.current?.(), []);

  const create = useCallback(
    (input: { templateId: string; name: string; sandbox: 'auto' | 'off' }) => {
      const id = newOperationId();
      operationId.current = id;
      setCreating(true);
      setCancelling(false);
      setCreateError(undefined);
      setProgress({});
      unsubscribe.current?.();
      // Listened to before the call, so the first event is never missed.
      unsubscribe.current = api.on('operation.progress', (event) => {
        if (event.operationId !== id) return;
        setProgress((current) => ({ ...current, [event.part ?? 'twin']: event }));
      });
      api
        .call('twins.create', { ...input, operationId: id })
        .then((created) => {
          void queryClient.invalidateQueries({ queryKey: queryKeys.guests });
          // A column this host cannot make (LXD absent) is not an error: say which and why.
          for (const left of created.leftOut ?? [])
            notifications.show({
              color: 'yellow',
              title: t('twins.leftOut.title'),
              message: t(left.key, left.params),
            });
          void navigate(`/compare/${created.twinId}`, { state: focusConsoleState });
        })
        .catch((error: unknown) => {
          setCreateError(error);
          setCreating(false);
        })
        .finally(() => {
          unsubscribe.current?.();
          unsubscribe.current = undefined;
          operationId.current = undefined;
        });
    },
    [api, navigate, queryClient, t],
  );

  const cancel = useCallback(() => {
    const id = operationId.current;
    if (!id) return;
    setCancelling(true);
    api.call('operations.cancel', { operationId: id }).catch((error: unknown) => {
      setCancelling(false);
      setCreateError(error);
    });
  }, [api]);

  return { creating, cancelling, createError, progress, create, cancel };
}
