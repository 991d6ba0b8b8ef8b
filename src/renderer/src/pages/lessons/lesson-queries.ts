import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Locale } from '@shared/locales';
import type { LessonProgress, LessonProgressMap } from '@shared/lessons';
import { useApi } from '../../data/ApiContext';

export const lessonKeys = {
  list: (locale: Locale) => ['lessons.list', locale] as const,
  lesson: (id: string, locale: Locale) => ['lessons.get', id, locale] as const,
  progress: ['lessons.progress.get'] as const,
  folders: ['lessons.folders'] as const,
};

export function useLessonList(locale: Locale) {
  const api = useApi();
  return useQuery({ queryKey: lessonKeys.list(locale), queryFn: () => api.call('lessons.list', { locale }) });
}

export function useLesson(id: string, locale: Locale) {
  const api = useApi();
  return useQuery({
    queryKey: lessonKeys.lesson(id, locale),
    queryFn: () => api.call('lessons.get', { id, locale }),
  });
}

/** Every listed lesson's steps, for the progress of each card. */
export function useLessonsOf(ids: readonly string[], locale: Locale) {
  const api = useApi();
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: lessonKeys.lesson(id, locale),
      queryFn: () => api.call('lessons.get', { id, locale }),
    })),
  });
}

export function useLessonProgress() {
  const api = useApi();
  return useQuery({ queryKey: lessonKeys.progress, queryFn: () => api.call('lessons.progress.get', {}) });
}

export function useLessonFolders() {
  const api = useApi();
  return useQuery({
    queryKey: lessonKeys.folders,
    queryFn: () => api.call('lessons.folders', {}),
    staleTime: Infinity,
  });
}

/** Saves one lesson's progress in main and in the cache at once, so the page never shows an older one. */
export function useSaveProgress(lessonId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useCallback(
    async (progress: LessonProgress | null) => {
      queryClient.setQueryData<LessonProgressMap>(lessonKeys.progress, (current) => {
        const others = Object.entries(current ?? {}).filter(([id]) => id !== lessonId);
        return Object.fromEntries(progress ? [...others, [lessonId, progress]] : others);
      });
      await api.call('lessons.progress.save', { lessonId, progress });
    },
    [api, queryClient, lessonId],
  );
}
