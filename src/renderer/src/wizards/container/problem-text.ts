import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpecProblem } from '@shared/containers';

/** A problem as a sentence in the UI language; a key the catalogs lack falls back to main's English. */
export function useProblemText(): (problem: SpecProblem) => string {
  const { t } = useTranslation();
  return useCallback(
    (problem: SpecProblem) => t(problem.key, { ...problem.params, defaultValue: problem.message }),
    [t],
  );
}
