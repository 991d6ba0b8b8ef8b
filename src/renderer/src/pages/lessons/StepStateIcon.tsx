import { Loader, ThemeIcon } from '@mantine/core';
import { IconCheck, IconCircleDashed, IconPlayerSkipForward, IconX } from '@tabler/icons-react';

export type ShownState = 'pending' | 'running' | 'passed' | 'failed' | 'skipped';

const look: Record<Exclude<ShownState, 'running'>, { color: string; icon: typeof IconCheck }> = {
  pending: { color: 'gray', icon: IconCircleDashed },
  passed: { color: 'teal', icon: IconCheck },
  failed: { color: 'red', icon: IconX },
  skipped: { color: 'yellow', icon: IconPlayerSkipForward },
};

/** A step's or a check's state as an icon; the caller gives the words (the icon is decorative). */
export function StepStateIcon({ state, size = 20 }: { state: ShownState; size?: number }) {
  if (state === 'running') return <Loader size={size - 4} aria-hidden />;
  const { color, icon: Icon } = look[state];
  return (
    <ThemeIcon size={size} radius="xl" variant="light" color={color} aria-hidden>
      <Icon size={size * 0.65} />
    </ThemeIcon>
  );
}
