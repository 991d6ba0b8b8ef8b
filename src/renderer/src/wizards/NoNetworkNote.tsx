import { Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Main adds `--network none` where the sandbox runtime is registered without networking. */
export function hasNoNetwork(dockerRun: string): boolean {
  return /(^|\s)--network[= ]none(\s|$)/.test(dockerRun);
}

/** Why a `docker run` in a Review step says `--network none`, shown only where it does. */
export function NoNetworkNote({ dockerRun }: { dockerRun: string }) {
  const { t } = useTranslation();
  if (!hasNoNetwork(dockerRun)) return null;
  return (
    <Text size="sm" c="dimmed" data-testid="no-network-note">
      <Code fz="xs">--network none</Code>: {t('wizard.review.noNetwork')}
    </Text>
  );
}
