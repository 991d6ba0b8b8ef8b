import { Group, Paper, Stack, Text } from '@mantine/core';
import { IconFolder } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CodeWithCopy } from '../../components/CopyCode';
import { useLessonFolders } from './lesson-queries';

/** For instructors: where a lesson pack goes (or TWINLAB_EXTRA_LESSONS). */
export function LessonFolderNote() {
  const { t } = useTranslation();
  const folders = useLessonFolders();
  if (!folders.data) return null;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Group gap="xs">
          <IconFolder size={18} aria-hidden />
          <Text fw={650} size="sm">
            {t('lessons.packTitle')}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('lessons.packHint')}
        </Text>
        <CodeWithCopy
          code={folders.data.user}
          copyLabel={t('lessons.copyFolder')}
          copiedLabel={t('common.copied')}
          padRight={48}
          inset={6}
          variant="subtle"
          testId="lesson-folder"
        />
        {folders.data.extra && (
          <Text size="sm" c="dimmed">
            {t('lessons.packExtra', { folder: folders.data.extra })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
