import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { HintBlock } from '@shared/lessons';
import { LessonMarkdown } from './LessonMarkdown';

interface ChallengeHintsProps {
  stepTitle: string;
  hints: HintBlock[];
  /** How many are open: the first `shown` hints, in order. */
  shown: number;
  disabled: boolean;
  onShow: () => void;
}

/** A challenge's hints: the opened ones, then a button that opens the next one. */
export function ChallengeHints({ stepTitle, hints, shown, disabled, onShow }: ChallengeHintsProps) {
  const { t } = useTranslation();
  const open = hints.slice(0, shown);
  const lastOpened = useRef<HTMLDivElement>(null);
  const opened = useRef(shown);
  useEffect(() => {
    // Focus follows a hint the learner just opened (not the ones open when the page loads).
    if (shown > opened.current) lastOpened.current?.focus();
    opened.current = shown;
  }, [shown]);
  return (
    <Stack gap={6} data-testid="challenge-hints" data-shown={open.length}>
      {open.map((hint, index) => {
        const title = t('lessons.challenge.hintTitle', { number: index + 1, total: hints.length });
        return (
          <Paper
            key={hint.line}
            withBorder
            radius="sm"
            px="sm"
            py={6}
            bg="var(--mantine-color-default-hover)"
            // A bulb-coloured edge marks it a hint in both schemes; a tinted fill glares in the dark one.
            style={{ borderLeft: '3px solid var(--mantine-color-yellow-5)' }}
            component="section"
            aria-label={title}
            tabIndex={-1}
            ref={index === open.length - 1 ? lastOpened : undefined}
            data-testid={`hint-${index + 1}`}
          >
            <Group gap={6} wrap="nowrap">
              <IconBulb size={16} aria-hidden />
              <Text size="xs" fw={650}>
                {title}
              </Text>
            </Group>
            <LessonMarkdown text={hint.text} />
          </Paper>
        );
      })}
      <Group gap="sm">
        {shown < hints.length && (
          <Button
            size="xs"
            variant="light"
            color="yellow"
            leftSection={<IconBulb size={14} aria-hidden />}
            disabled={disabled}
            onClick={onShow}
            aria-label={t('lessons.challenge.showHintOf', {
              number: shown + 1,
              total: hints.length,
              title: stepTitle,
            })}
          >
            {t('lessons.challenge.showHint', { number: shown + 1, total: hints.length })}
          </Button>
        )}
        <Text size="xs" c="dimmed" data-testid="hints-used">
          {t('lessons.challenge.hintsUsedOf', { used: shown, total: hints.length })}
        </Text>
      </Group>
    </Stack>
  );
}
