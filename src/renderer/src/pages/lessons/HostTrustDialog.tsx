import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface HostTrustRequest {
  title: string;
  commands: string[];
  answer: (allowed: boolean) => void;
}

/** Asks once before a lesson from outside Twinlab types commands into this computer's own shell. */
export function HostTrustDialog({ request }: { request: HostTrustRequest | undefined }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={request !== undefined}
      onClose={() => request?.answer(false)}
      title={t('lessons.trust.title')}
      size="lg"
      centered
    >
      {request && (
        <Stack gap="sm">
          <Text size="sm">{t('lessons.trust.body', { title: request.title })}</Text>
          <Code block data-testid="host-trust-commands">
            {request.commands.join('\n')}
          </Code>
          <Text size="sm" c="dimmed">
            {t('lessons.trust.once')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => request.answer(false)}>
              {t('lessons.trust.cancel')}
            </Button>
            <Button color="orange" onClick={() => request.answer(true)}>
              {t('lessons.trust.allow')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
