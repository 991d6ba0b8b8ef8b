import { EmptyState, Paper } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface PageEmptyStateProps {
  icon: Icon;
  title: string;
  description: string;
  /** What to do about it, e.g. a button that creates the first item. */
  children?: ReactNode;
}

export function PageEmptyState({ icon: Icon, title, description, children }: PageEmptyStateProps) {
  return (
    <Paper withBorder radius="lg" py={64} px="xl" style={{ borderStyle: 'dashed' }}>
      <EmptyState variant="light" size="lg">
        <EmptyState.Indicator>
          <Icon size={30} stroke={1.5} aria-hidden />
        </EmptyState.Indicator>
        <EmptyState.Title order={2}>{title}</EmptyState.Title>
        <EmptyState.Description maw={460}>{description}</EmptyState.Description>
        {children && <EmptyState.Actions>{children}</EmptyState.Actions>}
      </EmptyState>
    </Paper>
  );
}
