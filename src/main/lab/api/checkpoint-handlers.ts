import type { Handlers } from '../router';
import type { CheckpointService } from '../lessons/checkpoints/checkpoint-service';

type CheckpointMethods =
  'checkpoints.list' | 'checkpoints.save' | 'checkpoints.restore' | 'checkpoints.forget';

/** Lesson checkpoints of a twin: list, save, go back, forget. */
export function checkpointHandlers(checkpoints: CheckpointService): Pick<Handlers, CheckpointMethods> {
  return {
    'checkpoints.list': ({ twinId }) => checkpoints.list(twinId),
    'checkpoints.save': (key) => checkpoints.save(key),
    'checkpoints.restore': (key) => checkpoints.restore(key),
    'checkpoints.forget': async ({ twinId }) => {
      await checkpoints.forget(twinId);
      return null;
    },
  };
}
