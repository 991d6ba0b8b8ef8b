import { isTwinlabImage, isTwinlabManaged, type Labels } from './labels';
import { containerError } from './messages';

export type GuardedObject = 'container' | 'image';

/**
 * The one gate before any mutation: an object without Twinlab's label belongs to the user and is
 * never stopped, changed or removed by Twinlab, whatever the caller asks.
 */
export function assertTwinlabManaged(
  kind: GuardedObject,
  name: string,
  labels: Labels | null | undefined,
): void {
  if (kind === 'container' ? isTwinlabManaged(labels) : isTwinlabImage(labels)) return;
  throw kind === 'container'
    ? containerError('guard.notManaged', { name })
    : containerError('guard.imageNotManaged', { name });
}
