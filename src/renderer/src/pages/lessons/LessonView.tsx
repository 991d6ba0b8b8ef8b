import {
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  Modal,
  Paper,
  ScrollArea,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowLeft, IconRefresh } from '@tabler/icons-react';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Group as PanelGroup, Panel, Separator } from 'react-resizable-panels';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { consoleOwner, type ConsoleTarget } from '@shared/consoles';
import type { Lesson, LessonProgress } from '@shared/lessons';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { useCompareEnvironment } from '../../data/compare';
import { useGuests } from '../../data/guests';
import { useCatalog } from '../../data/queries';
import { currentLocale } from '../../i18n';
import { useDescribeError } from '../../i18n/describe-error';
import { TwinCreateProgress } from '../../wizards/twin/TwinCreateProgress';
import { columnLook, roleColor } from '../compare/columns';
import { ConsolePanes, type ConsolePaneSpec } from '../compare/ConsolePanes';
import { consoleTargetOf } from '../compare/targets';
import { findTwin, groupByTwin, type TwinGroup } from '../compare/twin-groups';
import { twinRoleOf, type TwinRole } from '@shared/twin-roles';
import type { CatalogEntry } from '@shared/template';
import type { Guest } from '@shared/guest';
import type { TwinProgress } from '../../wizards/twin/use-twin-create';
import { progressLine, withHintShown } from './challenge-progress';
import { LessonMarkdown } from './LessonMarkdown';
import { useLesson, useLessonProgress, useSaveProgress } from './lesson-queries';
import { StartLesson } from './StartLesson';
import { StepCard } from './StepCard';
import { CheckpointControl } from './CheckpointControl';
import { useCheckpoints } from './use-checkpoints';
import { useLessonTwin } from './use-lesson-twin';
import { HostTrustDialog } from './HostTrustDialog';
import { useLeaveTwinChoice } from './LeaveTwinChoice';
import { useStepRunner } from './use-step-runner';

const hostTarget: ConsoleTarget = { kind: 'host', guestId: 'host' };
const noProgress: LessonProgress = { steps: {} };

/** Whether any block of the lesson types into the host's shell: then its console is shown too. */
function usesHost(lesson: Lesson): boolean {
  return lesson.steps.some((step) =>
    step.blocks.some(
      (block) => (block.type === 'run' || block.type === 'check') && block.targets.includes('host'),
    ),
  );
}

/** The parts the create progress shows; the sandbox and the system container once the create says it makes them. */
function createParts(name: string, progress: TwinProgress): { role: TwinRole; name: string }[] {
  const roles: TwinRole[] = [
    'container',
    ...(progress.sandbox ? (['sandbox'] as const) : []),
    ...(progress.system ? (['system'] as const) : []),
    'vm',
  ];
  return roles.map((role) => ({ role, name: `${name}-${role}` }));
}

/** /lessons/:id: the steps beside the twin's consoles; before a twin exists, the template to make it from. */
export function LessonView({ lessonId }: { lessonId: string }) {
  const { t } = useTranslation(); // re-renders on a language change, so the lesson follows it
  const locale = currentLocale();
  const lesson = useLesson(lessonId, locale);
  const progress = useLessonProgress();
  const guests = useGuests();
  const catalog = useCatalog();
  const back = (
    <Anchor component={Link} to="/lessons" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        {t('lessons.backToList')}
      </Group>
    </Anchor>
  );
  const failed = [lesson, progress, guests, catalog].find((query) => query.isError);
  if (failed)
    return (
      <>
        {back}
        <ErrorAlert
          title={t('lessons.loadFailed')}
          error={failed.error}
          onRetry={() => void failed.refetch()}
          retrying={failed.isFetching}
        />
      </>
    );
  if (!lesson.data || !progress.data || !guests.data || !catalog.data)
    return <LoadingState label={t('lessons.loading')} />;
  return (
    <LessonWorkspace
      key={lesson.data.id}
      lesson={lesson.data}
      progress={progress.data[lessonId] ?? noProgress}
      guests={guests.data}
      entries={catalog.data.entries}
      back={back}
    />
  );
}

function LessonWorkspace({
  lesson,
  progress,
  guests,
  entries,
  back,
}: {
  lesson: Lesson;
  progress: LessonProgress;
  guests: readonly Guest[];
  entries: readonly CatalogEntry[];
  back: ReactNode;
}) {
  const { t } = useTranslation();
  const describeError = useDescribeError();
  const environment = useCompareEnvironment();
  const saveProgress = useSaveProgress(lesson.id);
  const [confirming, confirm] = useDisclosure(false);
  const [actionError, setActionError] = useState<unknown>();
  // The host's console only on request: four panes beside the steps are too narrow to read.
  const [hostShell, setHostShell] = useState(false);
  const twin = progress.twinId ? findTwin(guests, progress.twinId) : undefined;
  const save = useCallback((next: LessonProgress) => saveProgress(next), [saveProgress]);
  const onCreated = useCallback(
    (twinId: string, templateId: string) => saveProgress({ twinId, templateId, steps: {} }),
    [saveProgress],
  );
  const creator = useLessonTwin(lesson.id, onCreated);
  const checkpoints = useCheckpoints(lesson.id, twin?.twinId, setActionError);
  const runner = useStepRunner({
    lesson,
    twinId: twin?.twinId ?? '',
    guests: twin?.guests ?? [],
    progress,
    save,
    onError: setActionError,
  });

  const panes: ConsolePaneSpec[] = useMemo(() => {
    const list: ConsolePaneSpec[] = (twin?.guests ?? []).map((guest) => {
      const look = columnLook(guest, environment.data?.accelerator);
      const target = consoleTargetOf(guest);
      return {
        id: consoleOwner(target),
        target,
        label: t(look.labelKey),
        name: guest.name,
        color: roleColor[look.role],
      };
    });
    if (twin && hostShell)
      list.push({
        id: consoleOwner(hostTarget),
        target: hostTarget,
        label: t('compare.hostPane'),
        name: environment.data?.hostKernel ?? '',
        color: 'gray',
      });
    return list;
  }, [twin, hostShell, environment.data, t]);

  const reset = () => {
    confirm.close();
    void saveProgress({ ...(progress.templateId && { templateId: progress.templateId }), steps: {} });
    const oldTwinId = twin?.twinId;
    if (progress.templateId)
      void creator
        .start(progress.templateId, twin?.guests ?? [])
        .then(() => (oldTwinId ? checkpoints.forget(oldTwinId) : undefined))
        .catch(setActionError);
  };
  /** Reset that keeps the twin: the steps start again on the guests the learner already has. */
  const restartSteps = () => {
    confirm.close();
    void saveProgress({ ...progress, steps: {} });
    if (twin) checkpoints.forget(twin.twinId).catch(setActionError);
  };
  const adoptTwin = (chosen: TwinGroup) =>
    void saveProgress({ twinId: chosen.twinId, templateId: chosen.templateId, steps: {} });
  const navigate = useNavigate();
  const leaving = useLeaveTwinChoice(twin, () => void navigate('/lessons'));
  const otherTwins = groupByTwin(guests).twins.filter(
    (each) =>
      each.guests.some((guest) => guest.state === 'running') &&
      lesson.needs.roles.every((role) => each.guests.some((guest) => twinRoleOf(guest) === role)),
  );

  return (
    <>
      {/* The way back asks first what to do with a running twin. */}
      <Box
        onClickCapture={(event) => {
          if (!twin || !twin.guests.some((guest) => guest.state === 'running')) return;
          event.preventDefault();
          leaving.leave();
        }}
      >
        {back}
      </Box>
      {leaving.dialog}
      <PageHeader
        title={lesson.title}
        description={progressLine(t, lesson.steps, progress)}
        actions={
          twin && (
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} aria-hidden />}
              onClick={confirm.open}
              disabled={creator.creating !== undefined || runner.busy !== undefined}
            >
              {t('lessons.reset')}
            </Button>
          )
        }
      />
      <Modal opened={confirming} onClose={confirm.close} title={t('lessons.resetTitle')} centered>
        <Stack gap="md">
          <Text size="sm">{t('lessons.resetChoice')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              {t('common.cancel')}
            </Button>
            <Button variant="default" onClick={restartSteps} data-autofocus>
              {t('lessons.resetKeepTwin')}
            </Button>
            <Button color="red" onClick={reset}>
              {t('lessons.resetConfirmButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <HostTrustDialog request={runner.trustRequest} />
      {actionError !== undefined && (
        <Alert color="red" variant="light" role="alert" mb="sm" title={t('lessons.actionFailed')}>
          {describeError(actionError)}
        </Alert>
      )}
      <PanelGroup orientation="horizontal" style={{ height: 'calc(100vh - 240px)', minHeight: 480 }}>
        {/* Pixels, not a share: at the window's minimum width a share left the steps too narrow to read. */}
        <Panel id="lesson-steps" defaultSize="32%" minSize={320}>
          <Paper withBorder radius="md" h="100%" component="aside" aria-label={t('lessons.stepsPanel')}>
            <ScrollArea h="100%" p="sm" type="auto">
              <Stack gap="sm">
                <LessonMarkdown text={lesson.intro} />
                {lesson.steps.map((step, index) => (
                  <StepCard
                    key={step.id}
                    step={step}
                    number={index + 1}
                    saved={progress.steps[step.id]}
                    busy={runner.busy?.stepId === step.id ? runner.busy.what : undefined}
                    locked={!twin || runner.busy !== undefined || checkpoints.busy !== undefined}
                    onRun={(block) => {
                      setActionError(undefined);
                      // A checkpoint step saves the twin before its first command.
                      void checkpoints
                        .beforeRun(step)
                        .then((ready) => (ready ? runner.run(step, block) : undefined));
                    }}
                    onCheck={() => {
                      setActionError(undefined);
                      void runner.check(step);
                    }}
                    onShowHint={() => void saveProgress(withHintShown(progress, step)).catch(setActionError)}
                    checkpoint={
                      step.checkpoint &&
                      twin && (
                        <CheckpointControl
                          stepTitle={step.title}
                          checkpoint={checkpoints.saved(step.id)}
                          busy={checkpoints.busy?.stepId === step.id ? checkpoints.busy.what : undefined}
                          restored={
                            checkpoints.restored?.checkpoint.stepId === step.id
                              ? checkpoints.restored
                              : undefined
                          }
                          disabled={runner.busy !== undefined || checkpoints.busy !== undefined}
                          onSave={() => {
                            setActionError(undefined);
                            void checkpoints.save(step.id);
                          }}
                          onRestore={() => {
                            setActionError(undefined);
                            void checkpoints.restore(step.id);
                          }}
                        />
                      )
                    }
                  />
                ))}
              </Stack>
            </ScrollArea>
          </Paper>
        </Panel>
        <Separator className="compare-separator" aria-label={t('lessons.resizeSteps')} />
        <Panel id="lesson-consoles" minSize="30%">
          <ScrollArea h="100%" type="auto">
            {creator.creating ? (
              <TwinCreateProgress
                name={creator.creating.name}
                parts={createParts(creator.creating.name, creator.progress)}
                progress={creator.progress}
                cancelling={creator.cancelling}
                onCancel={creator.cancel}
              />
            ) : twin ? (
              <Stack gap="xs">
                {usesHost(lesson) && (
                  <Switch
                    label={t('compare.hostTerminal')}
                    description={t('lessons.hostShellHint')}
                    checked={hostShell}
                    onChange={(event) => setHostShell(event.currentTarget.checked)}
                  />
                )}
                <ConsolePanes panes={panes} />
              </Stack>
            ) : (
              <Stack gap="sm">
                {creator.error !== undefined && (
                  <Alert color="red" variant="light" role="alert" title={t('lessons.startFailed')}>
                    {describeError(creator.error)}
                  </Alert>
                )}
                <StartLesson
                  entries={entries}
                  previousTemplateId={progress.templateId}
                  twinGone={progress.twinId !== undefined}
                  roles={lesson.needs.roles}
                  running={otherTwins}
                  onUse={adoptTwin}
                  onStart={(templateId) => void creator.start(templateId)}
                />
              </Stack>
            )}
          </ScrollArea>
        </Panel>
      </PanelGroup>
    </>
  );
}
