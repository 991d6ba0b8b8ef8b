import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface HostPanelProps {
  /** Used for the heading's id (`<id>-title`) and the test id (`<id>-panel`). */
  id: string;
  icon: ReactNode;
  title: string;
  description: string;
  children: ReactNode;
}

/** A settings section of the Host page: a titled panel with one line of explanation. */
export function HostPanel({ id, icon, title, description, children }: HostPanelProps) {
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby={`${id}-title`}
      data-testid={`${id}-panel`}
    >
      <Stack gap="sm">
        <Group gap="xs">
          {icon}
          <Title order={2} fz="lg" id={`${id}-title`}>
            {title}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}
