import { Badge, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConsoleState, ConsoleStateDetail } from '@shared/consoles';
import { badgeColor, consoleBadge } from './console-badge';
import type { ViewPhase } from './connect-console';

interface ConsoleStatusProps {
  phase: ViewPhase['phase'];
  state: ConsoleState;
  detail: ConsoleStateDetail | undefined;
  readOnly: boolean;
}

/** Where a console stands: opening, then the session's state as a badge; "read-only" for logs. */
export function ConsoleStatus({ phase, state, detail, readOnly }: ConsoleStatusProps) {
  const { t } = useTranslation();
  const badge = consoleBadge(state, detail);
  return (
    <Group gap="xs">
      {phase === 'opening' ? (
        <Group gap={6} role="status">
          <Loader size={14} aria-hidden />
          <Text size="sm" c="dimmed">
            {t('terminal.opening')}
          </Text>
        </Group>
      ) : phase === 'attached' ? (
        <Badge
          variant="default"
          size="lg"
          radius="xl"
          tt="none"
          fw={500}
          leftSection={
            <span
              className="state-dot"
              aria-hidden="true"
              style={{ background: `var(--mantine-color-${badgeColor[badge]}-6)` }}
            />
          }
          data-testid="console-state"
          data-state={state}
          data-badge={badge}
        >
          {t(`terminal.state.${badge}`)}
        </Badge>
      ) : null}
      {readOnly && (
        <Badge variant="light" color="gray" tt="none" fw={500}>
          {t('terminal.readOnly')}
        </Badge>
      )}
    </Group>
  );
}
