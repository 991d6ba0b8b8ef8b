import { z } from 'zod';
import type { PullProgress } from './containers';
import type { TransferProgress } from './vms';
import type { TwinRole } from './compare';

/**
 * Long work (pull, import, create) carries an id chosen by the caller, so the caller can follow
 * its progress events and cancel it.
 */
export const operationIdSchema = z.string().min(1).max(64);

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
