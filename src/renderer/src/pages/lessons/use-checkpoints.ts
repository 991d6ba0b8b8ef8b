import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Checkpoint, CheckpointRestored } from '@shared/checkpoints';
import type { LessonStep } from '@shared/lessons';
import { useApi } from '../../data/ApiContext';
import { queryKeys } from '../../data/queries';

const checkpointsKey = (twinId: string) => ['checkpoints.list', twinId] as const;

export type CheckpointBusy = { stepId: string; what: 'saving' | 'restoring' };

/**
 * A lesson twin's checkpoints: the saved ones, Save and Back to this step, and the save a
 * checkpoint step makes by itself before its first Run. One at a time: each stops and starts guests.
 */
export function useCheckpoints(
  lessonId: string,
  twinId: string | undefined,
  onError: (error: unknown) => void,
) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<CheckpointBusy>();
  const [restored, setRestored] = useState<CheckpointRestored>();
  const list = useQuery({
    queryKey: checkpointsKey(twinId ?? ''),
    queryFn: () => api.call('checkpoints.list', { twinId: twinId ?? '' }),
    enabled: twinId !== undefined,
  });
  const saved = useCallback(
    (stepId: string): Checkpoint | undefined =>
      list.data?.find((each) => each.lessonId === lessonId && each.stepId === stepId),
    [list.data, lessonId],
  );

  const act = useCallback(
    async (stepId: string, what: CheckpointBusy['what']): Promise<boolean> => {
      if (!twinId) return false;
      setBusy({ stepId, what });
      setRestored(undefined);
      try {
        const key = { twinId, lessonId, stepId };
        if (what === 'saving') await api.call('checkpoints.save', key);
        else setRestored(await api.call('checkpoints.restore', key));
        return true;
      } catch (error) {
        onError(error);
        return false;
      } finally {
        setBusy(undefined);
        await queryClient.invalidateQueries({ queryKey: checkpointsKey(twinId) });
        // A restored container is a new one: the consoles follow the new guest list.
        await queryClient.invalidateQueries({ queryKey: queryKeys.guests });
      }
    },
    [api, lessonId, onError, queryClient, twinId],
  );

  const save = useCallback((stepId: string) => act(stepId, 'saving'), [act]);
  const restore = useCallback((stepId: string) => act(stepId, 'restoring'), [act]);

  /** Before a checkpoint step's commands run: its checkpoint, saved now unless it exists. */
  const beforeRun = useCallback(
    async (step: LessonStep): Promise<boolean> =>
      !step.checkpoint || saved(step.id) !== undefined || (await save(step.id)),
    [save, saved],
  );

  /** Lesson Reset: the old twin's checkpoints go (twins.delete does the same for a deleted twin). */
  const forget = useCallback(
    async (oldTwinId: string) => {
      await api.call('checkpoints.forget', { twinId: oldTwinId });
      await queryClient.invalidateQueries({ queryKey: checkpointsKey(oldTwinId) });
    },
    [api, queryClient],
  );

  return { saved, busy, restored, save, restore, beforeRun, forget };
}
