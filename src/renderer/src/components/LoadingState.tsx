import { Group, Loader, Text } from '@mantine/core';

/** A spinner with words: screen readers hear the label, sighted users see what is being waited on. */
export function LoadingState({ label }: { label: string }) {
  return (
    <Group role="status" gap="sm" py="xl" justify="center">
      <Loader size="sm" aria-hidden />
      <Text c="dimmed" size="sm">
        {label}
      </Text>
    </Group>
  );
}
