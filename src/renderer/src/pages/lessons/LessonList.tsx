import { Alert, Badge, Button, Card, Group, List, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { LessonProblem, LessonProgressMap, LessonSummary } from '@shared/lessons';
import type { Lesson } from '@shared/lessons';
import type { Locale } from '@shared/locales';
import { currentLocale } from '../../i18n';
import { progressLine } from './challenge-progress';
import { progressCount } from './lesson-logic';

const levelColor = { beginner: 'teal', intermediate: 'blue', advanced: 'grape' } as const;

/**
 * The language the lesson's text is in: the page's own when translated, English otherwise, so a
 * learner sees at a glance which lessons speak their language.
 */
function TextLanguageBadge({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const language = t(`lessons.languageName.${locale}`);
  const translated = locale === currentLocale();
  return (
    <Badge
      role="note"
      aria-label={t('lessons.textLanguage', { language })}
      variant={translated ? 'light' : 'outline'}
      color={translated ? 'indigo' : 'gray'}
      tt="none"
      leftSection={<IconLanguage size={12} aria-hidden />}
      data-testid="lesson-language"
    >
      <span lang={locale}>{language}</span>
    </Badge>
  );
}

function LessonCard({
  lesson,
  steps,
  progress,
}: {
  lesson: LessonSummary;
  steps: Lesson['steps'] | undefined;
  progress: LessonProgressMap;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const count = steps ? progressCount(steps, progress[lesson.id]) : undefined;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      aria-label={lesson.title}
      data-testid={`lesson-${lesson.id}`}
    >
      <Stack gap="sm" h="100%">
        <Text fw={650} lang={lesson.locale}>
          {lesson.title}
        </Text>
        <Text size="sm" c="dimmed" style={{ flex: 1 }} lang={lesson.locale}>
          {lesson.summary}
        </Text>
        <Group gap={6}>
          <Badge variant="light" color={levelColor[lesson.level]} tt="none">
            {t(`lessons.level.${lesson.level}`)}
          </Badge>
          <Badge variant="light" color="gray" tt="none">
            {t('lessons.minutes', { count: lesson.duration })}
          </Badge>
          <TextLanguageBadge locale={lesson.locale} />
        </Group>
        {count && (
          <Stack gap={4}>
            <Text size="xs" c="dimmed" data-testid="lesson-progress">
              {steps && progressLine(t, steps, progress[lesson.id])}
            </Text>
            <Progress
              value={count.total === 0 ? 0 : (100 * count.done) / count.total}
              color={count.done === count.total ? 'teal' : 'blue'}
              size="sm"
              aria-label={t('lessons.progressLine', { ...count, count: count.total })}
            />
          </Stack>
        )}
        <Button
          variant="light"
          rightSection={<IconArrowRight size={16} aria-hidden />}
          onClick={() => void navigate(`/lessons/${lesson.id}`)}
          aria-label={t('lessons.open', { title: lesson.title })}
        >
          {progress[lesson.id] ? t('lessons.continue') : t('lessons.openShort')}
        </Button>
      </Stack>
    </Card>
  );
}

export function LessonProblems({ problems }: { problems: readonly LessonProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('lessons.problemsTitle', { count: problems.length })}
      data-testid="lesson-problems"
    >
      <List size="sm" spacing={4}>
        {problems.map((problem, index) => (
          <List.Item key={index}>
            <Text span ff="monospace" size="xs">
              {problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`}
            </Text>{' '}
            {problem.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The lesson cards, each with its level, length, text language and how far the learner got. */
export function LessonList({
  lessons,
  steps,
  progress,
}: {
  lessons: readonly LessonSummary[];
  steps: ReadonlyMap<string, Lesson['steps']>;
  progress: LessonProgressMap;
}) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
      {lessons.map((lesson) => (
        <LessonCard key={lesson.id} lesson={lesson} steps={steps.get(lesson.id)} progress={progress} />
      ))}
    </SimpleGrid>
  );
}
