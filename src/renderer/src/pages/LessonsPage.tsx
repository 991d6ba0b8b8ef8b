import { IconSchool } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Lesson } from '@shared/lessons';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { PageEmptyState } from '../components/PageEmptyState';
import { PageHeader } from '../components/PageHeader';
import { currentLocale } from '../i18n';
import { LessonFolderNote } from './lessons/LessonFolderNote';
import { LessonList, LessonProblems } from './lessons/LessonList';
import { useLessonList, useLessonProgress, useLessonsOf } from './lessons/lesson-queries';
import { LessonView } from './lessons/LessonView';
import { PrepareOfflineButton } from './lessons/PrepareOffline';
import { Stack } from '@mantine/core';

/** /lessons lists the lessons; /lessons/:id runs one. */
export function LessonsPage() {
  const { id } = useParams();
  return id ? <LessonView key={id} lessonId={id} /> : <LessonIndex />;
}

function LessonIndex() {
  const { t } = useTranslation(); // re-renders on a language change, so the list follows it
  const locale = currentLocale();
  const list = useLessonList(locale);
  const progress = useLessonProgress();
  const ids = useMemo(() => list.data?.lessons.map((lesson) => lesson.id) ?? [], [list.data]);
  const lessons = useLessonsOf(ids, locale);
  const steps = new Map<string, Lesson['steps']>(
    lessons.flatMap((query) => (query.data ? [[query.data.id, query.data.steps]] : [])),
  );

  return (
    <>
      <PageHeader
        title={t('lessons.title')}
        description={t('lessons.description')}
        actions={<PrepareOfflineButton />}
      />
      {list.isError ? (
        <ErrorAlert
          title={t('lessons.loadFailed')}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : !list.data ? (
        <LoadingState label={t('lessons.loading')} />
      ) : (
        <Stack gap="lg">
          <LessonProblems problems={list.data.problems} />
          {list.data.lessons.length === 0 ? (
            <PageEmptyState
              icon={IconSchool}
              title={t('lessons.emptyTitle')}
              description={t('lessons.emptyDescription')}
            />
          ) : (
            <LessonList lessons={list.data.lessons} steps={steps} progress={progress.data ?? {}} />
          )}
          <LessonFolderNote />
        </Stack>
      )}
    </>
  );
}
