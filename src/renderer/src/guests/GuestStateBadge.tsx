import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GuestState } from '@shared/guest';
import { stateColor } from './guest-look';

/**
 * The state as a word with a coloured dot. Shade 6 of each colour reads on light and dark
 * backgrounds alike (the dot variant's own grey vanishes on dark cards).
 */
export function GuestStateBadge({ state, size = 'md' }: { state: GuestState; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="default"
      size={size}
      tt="none"
      fw={600}
      radius="xl"
      leftSection={
        <span
          className="state-dot"
          data-state={state}
          aria-hidden="true"
          style={{ background: `var(--mantine-color-${stateColor[state]}-6)` }}
        />
      }
      data-testid="guest-state"
      data-state={state}
      style={{ flex: 'none' }}
    >
      {t(`guest.state.${state}`)}
    </Badge>
  );
}
