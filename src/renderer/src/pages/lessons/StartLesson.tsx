import { Alert, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogEntry } from '@shared/template';
import { currentLocale } from '../../i18n';
import { templateText } from '../../data/template-text';
import { defaultTemplateId, twinTemplateGroups } from './lesson-logic';

interface StartLessonProps {
  entries: readonly CatalogEntry[];
  /** The template of the lesson's last twin, chosen again by default. */
  previousTemplateId: string | undefined;
  /** The lesson had a twin that is gone now. */
  twinGone: boolean;
  onStart: (templateId: string) => void;
}

/** Before the lesson has a twin: which template to make it from, and Start lesson. */
export function StartLesson({ entries, previousTemplateId, twinGone, onStart }: StartLessonProps) {
  const { t } = useTranslation();
  const groups = twinTemplateGroups(entries);
  const [chosen, setChosen] = useState(() => defaultTemplateId(entries, previousTemplateId));
  return (
    <Paper withBorder radius="md" p="lg" data-testid="start-lesson">
      <Stack gap="md" maw={520}>
        {twinGone && (
          <Alert color="yellow" variant="light" title={t('lessons.twinGoneTitle')}>
            {t('lessons.twinGone')}
          </Alert>
        )}
        <Text size="sm">{t('lessons.startIntro')}</Text>
        {groups.length === 0 ? (
          <Alert color="yellow" variant="light">
            {t('lessons.noTwinTemplates')}
          </Alert>
        ) : (
          <Select
            label={t('lessons.template')}
            description={t('lessons.templateHint')}
            data={groups.map(({ group, entries: inGroup }) => ({
              group: t(`lessons.templateGroup.${group}`),
              items: inGroup.map((entry) => ({
                value: entry.template.id,
                label: templateText(entry.template, currentLocale()).name,
              })),
            }))}
            value={chosen ?? null}
            onChange={(value) => setChosen(value ?? undefined)}
            allowDeselect={false}
            searchable
          />
        )}
        <Group>
          <Button
            leftSection={<IconPlayerPlay size={16} aria-hidden />}
            disabled={!chosen}
            onClick={() => chosen && onStart(chosen)}
          >
            {t('lessons.start')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
