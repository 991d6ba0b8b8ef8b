import type { PullProgress } from './containers';
import type { TransferProgress } from './vms';
import type { TwinRole } from './twin-roles';

/** Where one piece of long work (see `operationIdSchema`) has got to. */
export type OperationStep =
  | 'validating'
  | 'pulling'
  | 'importing'
  | 'creating'
  | 'starting'
  | 'downloading'
  | 'downloading-kernel'
  | 'packing-rootfs'
  | 'preparing-disk'
  | 'writing-seed'
  | 'defining'
  | 'booting'
  | 'done';

export interface OperationProgress {
  operationId: string;
  step: OperationStep;
  /** In a twin's create, which of its guests this step belongs to. */
  part?: TwinRole;
  pull?: PullProgress;
  download?: TransferProgress;
}
