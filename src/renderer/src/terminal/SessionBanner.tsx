import { Alert, Button, Group, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconPlugConnectedX,
  IconPlus,
  IconRefresh,
  IconTerminal2,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ConsoleStateDetail } from '@shared/consoles';
import { useDescribeError } from '../i18n/describe-error';
import type { SessionSnapshot } from './console-store';
import type { ViewPhase } from './connect-console';

/** Why a session is disconnected, as one sentence in the UI language. */
export function describeDetail(detail: ConsoleStateDetail | undefined, t: TFunction): string {
  switch (detail?.reason) {
    case 'exited':
      return detail.exitCode === null || detail.exitCode === 0
        ? t('terminal.detail.exited')
        : t('terminal.detail.exitedCode', { code: detail.exitCode });
    case 'lost':
      // The sentence puts the message in brackets and ends itself: "(… not running)." not ".)."
      return t('terminal.detail.lost', { message: detail.message.replace(/\.$/, '') });
    case 'connect-failed':
      return detail.key ? t(detail.key, { defaultValue: detail.message }) : detail.message;
    case 'closed':
      return t('terminal.closedText');
    default:
      return t('terminal.detail.unknown');
  }
}

interface SessionBannerProps {
  phase: ViewPhase;
  session: SessionSnapshot | undefined;
  reconnecting: boolean;
  onReconnect: () => void;
  onNewSession: () => void;
}

/**
 * What is wrong with the console, if anything, and the one button that helps: Reconnect for a
 * disconnected session, a new session for an ended one, Retry when it could not be opened.
 */
export function SessionBanner({
  phase,
  session,
  reconnecting,
  onReconnect,
  onNewSession,
}: SessionBannerProps) {
  const { t } = useTranslation();
  const describeError = useDescribeError();

  if (phase.phase === 'failed') {
    return (
      <Alert
        color="red"
        variant="light"
        role="alert"
        icon={<IconAlertTriangle aria-hidden />}
        title={t('terminal.openFailed')}
        data-testid="console-banner"
        data-kind="failed"
      >
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="sm" style={{ flex: '1 1 320px' }}>
            {describeError(phase.error)}
          </Text>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={onNewSession}
          >
            {t('common.retry')}
          </Button>
        </Group>
      </Alert>
    );
  }
  if (!session) return null;
  if (session.state === 'disconnected') {
    const hint = session.detail?.reason === 'lost' ? t('terminal.lostHint') : t('terminal.disconnectedHint');
    return (
      <Alert
        color="yellow"
        variant="light"
        role="alert"
        icon={<IconPlugConnectedX aria-hidden />}
        title={t('terminal.disconnectedTitle')}
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
        data-testid="console-banner"
        data-kind="disconnected"
      >
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="sm" style={{ flex: '1 1 320px' }}>
            {describeDetail(session.detail, t)} {hint}
          </Text>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={onReconnect}
            loading={reconnecting}
          >
            {t('terminal.reconnect')}
          </Button>
        </Group>
      </Alert>
    );
  }
  if (session.state === 'closed') {
    return (
      <Alert
        color="gray"
        variant="light"
        icon={<IconTerminal2 aria-hidden />}
        title={t('terminal.closedTitle')}
        data-testid="console-banner"
        data-kind="closed"
      >
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="sm" style={{ flex: '1 1 320px' }}>
            {t('terminal.closedText')}
          </Text>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={onNewSession}
          >
            {t('terminal.newSession')}
          </Button>
        </Group>
      </Alert>
    );
  }
  return null;
}
