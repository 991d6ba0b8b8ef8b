import type { TFunction } from 'i18next';
import type { CheckReason } from '@shared/lessons';

type Params = Record<string, string | number>;

/**
 * A check reason's params in the UI language. Main names targets, roles and features by their ids
 * ("container", "vm-image") and lists outputs in English; here they get the names the rest of the
 * lesson page uses, so a Korean sentence does not carry English words.
 */
export function localReasonParams(
  reason: CheckReason,
  t: TFunction,
  listOf: (items: string[]) => string,
): Params {
  const params: Params = { ...reason.params };
  const target = (id: string) => t(`lessons.target.${id}`, { defaultValue: id });
  for (const key of ['target', 'role']) {
    const value = params[key];
    if (typeof value === 'string') params[key] = target(value);
  }
  const feature = params['feature'];
  if (typeof feature === 'string')
    params['feature'] = t(`lessons.feature.${feature}`, { defaultValue: target(feature) });
  if (reason.outputs)
    params['outputs'] = listOf(
      reason.outputs.map(({ target: id, output }) =>
        t('lessons.targetOutput', { target: target(id), output }),
      ),
    );
  return params;
}
