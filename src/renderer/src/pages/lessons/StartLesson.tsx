import { Alert, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TwinRole } from '@shared/twin-roles';
import type { CatalogEntry } from '@shared/template';
import { currentLocale } from '../../i18n';
import { templateText } from '../../data/template-text';
import type { TwinGroup } from '../compare/twin-groups';
import { defaultTemplateId, missingRoles, twinTemplateGroups, twinTemplates } from './lesson-logic';

interface StartLessonProps {
  entries: readonly CatalogEntry[];
  /** The template of the lesson's last twin, chosen again by default. */
  previousTemplateId: string | undefined;
  /** The lesson had a twin that is gone now. */
  twinGone: boolean;
  /** The roles the lesson needs (its needs.roles). */
  roles: readonly TwinRole[];
  /** Twins that run now and have every part the lesson needs: offered before making a new one. */
  running: readonly TwinGroup[];
  onUse: (twin: TwinGroup) => void;
  onStart: (templateId: string) => void;
}

/** Before the lesson has a twin: which template to make it from, and Start lesson. */
export function StartLesson({
  entries,
  previousTemplateId,
  twinGone,
  roles,
  running,
  onUse,
  onStart,
}: StartLessonProps) {
  const { t } = useTranslation();
  const groups = twinTemplateGroups(entries);
  const [chosen, setChosen] = useState(() => defaultTemplateId(entries, previousTemplateId, roles));
  const twins = twinTemplates(entries);
  const chosenTemplate = twins.find((entry) => entry.template.id === chosen)?.template;
  const lacking = chosenTemplate ? missingRoles(chosenTemplate, roles) : [];
  // No template can make a system container: LXD/Incus is not ready, so the ladder template is absent.
  const noSystemAnywhere =
    lacking.includes('system') && twins.every((entry) => missingRoles(entry.template, ['system']).length > 0);
  return (
    <Paper withBorder radius="md" p="lg" data-testid="start-lesson">
      <Stack gap="md" maw={520}>
        {twinGone && (
          <Alert color="yellow" variant="light" title={t('lessons.twinGoneTitle')}>
            {t('lessons.twinGone')}
          </Alert>
        )}
        {running.length > 0 && (
          <Stack gap="xs" data-testid="lesson-running-twins">
            <Text size="sm" fw={600}>
              {t('lessons.useTwin.title')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('lessons.useTwin.hint')}
            </Text>
            {running.map((twin) => (
              <Button
                key={twin.twinId}
                variant="light"
                justify="flex-start"
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                onClick={() => onUse(twin)}
                styles={{ label: { whiteSpace: 'normal', textAlign: 'start' } }}
                h="auto"
                py={6}
              >
                {t('lessons.useTwin.use', { name: twin.name })}
              </Button>
            ))}
            <Text size="sm" fw={600} mt="xs">
              {t('lessons.useTwin.makeNew')}
            </Text>
          </Stack>
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
        {lacking.length > 0 && (
          <Alert color="yellow" variant="light" data-testid="lesson-missing-roles">
            {noSystemAnywhere
              ? t('lessons.noSystemTemplate')
              : t('lessons.missingRoles', {
                  roles: lacking.map((role) => t(`lessons.target.${role}`)).join(', '),
                })}
          </Alert>
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
