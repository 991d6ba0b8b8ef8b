import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerStop, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../api/client';
import { useApi } from '../../data/ApiContext';
import { useDescribeError } from '../../i18n/describe-error';
import type { TwinGroup } from '../compare/twin-groups';

type Choice = 'keep' | 'stop' | 'delete';

/** Keep, stop or delete a twin, in one call; `done` is told what was chosen once it is done. */
function LeaveButtons({
  client,
  twin,
  done,
  failed,
}: {
  client: ApiClient;
  twin: TwinGroup;
  done: (choice: Choice) => void;
  failed: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Choice>();
  const choose = (choice: Choice) => {
    if (choice === 'keep') return done('keep');
    setBusy(choice);
    const verb = choice === 'stop' ? 'twins.stop' : 'twins.delete';
    client
      .call(verb, { twinId: twin.twinId })
      .then(() => done(choice), failed)
      .finally(() => setBusy(undefined));
  };
  return (
    <Group gap="xs" justify="flex-end">
      <Button
        variant="default"
        size="xs"
        onClick={() => choose('keep')}
        disabled={busy !== undefined}
        data-autofocus
      >
        {t('lessons.leave.keep')}
      </Button>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconPlayerStop size={14} aria-hidden />}
        onClick={() => choose('stop')}
        loading={busy === 'stop'}
        disabled={busy === 'delete'}
      >
        {t('lessons.leave.stop')}
      </Button>
      <Button
        color="red"
        variant="light"
        size="xs"
        leftSection={<IconTrash size={14} aria-hidden />}
        onClick={() => choose('delete')}
        loading={busy === 'delete'}
        disabled={busy === 'stop'}
      >
        {t('lessons.leave.delete')}
      </Button>
    </Group>
  );
}

const isRunning = (twin: TwinGroup | undefined): twin is TwinGroup =>
  twin?.guests.some((guest) => guest.state === 'running') ?? false;

/**
 * Leaving a lesson whose twin runs asks what to do with it: keep it running, stop it or delete it.
 * The lesson's own Back link asks first (`leave`); any other way out (the menu, another page) asks
 * right after, in a notice that stays until answered.
 */
export function useLeaveTwinChoice(twin: TwinGroup | undefined, go: () => void) {
  const { t } = useTranslation();
  const api = useApi();
  const describeError = useDescribeError();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<unknown>();
  // Read on unmount: the twin as it was last rendered, and whether the learner already answered.
  const latest = useRef({ twin, answered: false, api, describeError, t });
  useEffect(() => {
    Object.assign(latest.current, { twin, api, describeError, t });
  });

  // Runs on unmount only (a language change must not look like leaving).
  useEffect(
    () => () => {
      const { twin: left, answered, api, describeError, t } = latest.current;
      if (answered || !isRunning(left)) return;
      const id = `leave-twin-${left.twinId}`;
      notifications.show({
        id,
        autoClose: false,
        title: t('lessons.leave.title', { name: left.name }),
        message: (
          <Stack gap="xs">
            <Text size="sm">{t('lessons.leave.body')}</Text>
            <LeaveButtons
              client={api}
              twin={left}
              done={() => notifications.hide(id)}
              failed={(caught) =>
                notifications.update({ id, color: 'red', autoClose: false, message: describeError(caught) })
              }
            />
          </Stack>
        ),
      });
    },
    [],
  );

  const leave = () => {
    if (!isRunning(twin)) return go();
    setError(undefined);
    setAsking(true);
  };

  const dialog = isRunning(twin) && (
    <Modal
      opened={asking}
      onClose={() => setAsking(false)}
      title={t('lessons.leave.title', { name: twin.name })}
      centered
    >
      <Stack gap="md">
        <Text size="sm">{t('lessons.leave.body')}</Text>
        {error !== undefined && (
          <Text size="sm" c="red" role="alert">
            {describeError(error)}
          </Text>
        )}
        <LeaveButtons
          client={api}
          twin={twin}
          done={() => {
            latest.current.answered = true;
            setAsking(false);
            go();
          }}
          failed={setError}
        />
      </Stack>
    </Modal>
  );
  return { leave, dialog };
}
