import type { DensityKind, DensityResult, DensityStop, DensityWorkload } from '@shared/density';
import { formatBytes } from '../../lib/format/bytes';
import { formatNumber } from '../../lib/format/number';

/** i18next's `t`, or a stand-in in tests. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function kindLabel(kind: DensityKind, t: Translate): string {
  return t(`density.kind.${kind}`);
}

/** "idle", "web server", "holds 64 MiB": what ran inside every guest. */
export function workloadText(workload: DensityWorkload, t: Translate): string {
  return workload.kind === 'hold'
    ? t('density.workload.hold', { mib: workload.mib })
    : t(`density.workload.${workload.kind}`);
}

export function stopText(stop: DensityStop, t: Translate): string {
  return t(`density.stop.${stop}`);
}

/** "5.2×" in the UI language's digits. */
export function ratioNumber(ratio: number, language: string): string {
  return `${formatNumber(ratio, language, 1)}×`;
}

/** The finding in one sentence, the workload named: the seed's claim depends on it. */
export function ratioSentence(result: DensityResult, t: Translate, language: string): string {
  const params = {
    budget: formatBytes(result.budgetBytes, language),
    workload: workloadText(result.workload, t),
  };
  return result.ratio === undefined
    ? t('density.noRatio', params)
    : t('density.ratioSentence', { ...params, ratio: ratioNumber(result.ratio, language) });
}
