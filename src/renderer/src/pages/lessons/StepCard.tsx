import { Badge, Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { IconChecklist, IconPlayerPlay } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  stepChecks,
  stepHints,
  type CheckResult,
  type LessonCheck,
  type LessonStep,
  type StepProgress,
} from '@shared/lessons';
import { currentLocale } from '../../i18n';
import { formatList } from '../../lib/format/list';
import { ChallengeHints } from './ChallengeHints';
import { localReasonParams } from './check-reason';
import { LessonMarkdown } from './LessonMarkdown';
import { StepStateIcon, type ShownState } from './StepStateIcon';

/** A list in the UI's current language ("container, VM and host"). */
function listOf(items: string[]): string {
  return formatList(items, currentLocale());
}

export type StepBusy = { kind: 'run'; block: number } | { kind: 'check' };

interface StepCardProps {
  step: LessonStep;
  number: number;
  saved: StepProgress | undefined;
  busy: StepBusy | undefined;
  /** Another step is running or checking: one at a time, they type into the same consoles. */
  locked: boolean;
  onRun: (blockIndex: number) => void;
  onCheck: () => void;
  /** Opens a challenge's next hint. */
  onShowHint: () => void;
  /** A checkpoint step's save point, shown before its commands. */
  checkpoint?: ReactNode;
}

const shownStep: Record<StepProgress['state'], ShownState> = {
  pending: 'pending',
  done: 'passed',
  failed: 'failed',
  skipped: 'skipped',
};
const shownCheck: Record<CheckResult['status'], ShownState> = {
  pass: 'passed',
  fail: 'failed',
  skipped: 'skipped',
};

function CheckLine({
  check,
  result,
  running,
}: {
  check: LessonCheck;
  result?: CheckResult;
  running: boolean;
}) {
  const { t } = useTranslation();
  const state: ShownState = running ? 'running' : result ? shownCheck[result.status] : 'pending';
  const missing = result?.status === 'fail' && !running && check.type === 'check' ? check.missing : undefined;
  return (
    <Group
      component="li"
      gap="xs"
      wrap="nowrap"
      align="flex-start"
      data-testid={`check-${check.id}`}
      data-status={state}
    >
      <StepStateIcon state={state} size={18} />
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text size="sm">
          {check.type === 'check' ? (
            <>
              <Code>{check.command}</Code>{' '}
              <Text span size="xs" c="dimmed">
                {t('lessons.checkIn', {
                  targets: listOf(check.targets.map((x) => t(`lessons.target.${x}`))),
                })}
              </Text>
            </>
          ) : (
            <Code>{check.expression}</Code>
          )}
          <Text span size="xs" fw={650} ml={8} c={state === 'failed' ? 'red' : undefined}>
            {t(`lessons.state.${state}`)}
          </Text>
        </Text>
        {missing && (
          <Text size="sm" c="red" data-testid="check-missing">
            {missing}
          </Text>
        )}
        {result && !running && (
          // Under a missing sentence the measured detail is secondary.
          <Text
            size="xs"
            c={result.status === 'fail' && !missing ? 'red' : 'dimmed'}
            data-testid="check-reason"
          >
            {t(result.reason.key, {
              ...localReasonParams(result.reason, t, listOf),
              defaultValue: result.reason.message,
            })}
          </Text>
        )}
      </Stack>
    </Group>
  );
}

/** One step: its prose, its run blocks with a Run button each, its checks with their state. */
export function StepCard(props: StepCardProps) {
  const { step, number, saved, busy, locked, onRun, onCheck, onShowHint, checkpoint } = props;
  const { t } = useTranslation();
  const checks = stepChecks(step);
  const hints = stepHints(step);
  const state: ShownState = busy?.kind === 'check' ? 'running' : shownStep[saved?.state ?? 'pending'];
  const headingId = `step-${step.id}-title`;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="section"
      aria-labelledby={headingId}
      data-testid={`step-${step.id}`}
      data-state={state}
      data-busy={busy ? busy.kind : undefined}
      data-challenge={step.challenge ? true : undefined}
    >
      <Group gap="xs" wrap="nowrap" mb={4}>
        <StepStateIcon state={state} />
        <Text fw={650} id={headingId} style={{ flex: 1 }}>
          {t('lessons.stepTitle', { number, title: step.title })}
        </Text>
        {step.challenge && (
          <Badge variant="light" color="yellow" size="sm" tt="none">
            {t('lessons.challenge.badge')}
          </Badge>
        )}
        {step.optional && (
          <Badge variant="light" color="gray" size="sm" tt="none">
            {t('lessons.optional')}
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          {t(`lessons.state.${state}`)}
        </Text>
      </Group>
      {checkpoint}
      <Stack gap={6}>
        {step.blocks.map((block, index) => {
          if (block.type === 'markdown') return <LessonMarkdown key={index} text={block.text} />;
          if (block.type !== 'run') return null;
          const running = busy?.kind === 'run' && busy.block === index;
          return (
            <Paper key={index} withBorder radius="sm" p={6} bg="var(--mantine-color-default-hover)">
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                  <Text size="xs" c="dimmed">
                    {t('lessons.runIn', {
                      targets: listOf(block.targets.map((x) => t(`lessons.target.${x}`))),
                    })}
                  </Text>
                  {block.lines.map((line, lineIndex) => (
                    <Code key={lineIndex} block fz="xs" style={{ whiteSpace: 'pre-wrap' }}>
                      {line}
                    </Code>
                  ))}
                </Stack>
                <Button
                  size="xs"
                  variant="light"
                  // The target list beside it wraps; the button keeps its label whole.
                  style={{ flexShrink: 0 }}
                  leftSection={<IconPlayerPlay size={14} aria-hidden />}
                  loading={running}
                  disabled={locked && !running}
                  onClick={() => onRun(index)}
                  aria-label={t('lessons.runLines', { line: block.lines[0] ?? '' })}
                >
                  {t('lessons.run')}
                </Button>
              </Group>
            </Paper>
          );
        })}
        {step.challenge && (
          <Text size="xs" c="dimmed">
            {t('lessons.challenge.yourWay')}
          </Text>
        )}
        {hints.length > 0 && (
          <ChallengeHints
            stepTitle={step.title}
            hints={hints}
            shown={Math.min(saved?.hintsShown ?? 0, hints.length)}
            // A check saves the progress it started from: opening a hint meanwhile would be lost.
            disabled={locked}
            onShow={onShowHint}
          />
        )}
        {checks.length > 0 && (
          <Stack
            gap={6}
            component="ul"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-label={t('lessons.checks')}
          >
            {checks.map((check) => (
              <CheckLine
                key={check.id}
                check={check}
                result={saved?.results.find((result) => result.checkId === check.id)}
                running={busy?.kind === 'check'}
              />
            ))}
          </Stack>
        )}
        <Group>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconChecklist size={14} aria-hidden />}
            loading={busy?.kind === 'check'}
            disabled={locked && busy === undefined}
            onClick={onCheck}
            aria-label={t('lessons.checkStep', { title: step.title })}
          >
            {t('lessons.checkButton')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
