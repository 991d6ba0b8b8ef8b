import { ActionIcon, CopyButton, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconEye, IconEyeOff, IconKey } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VmLogin as Login } from '@shared/vms';
import { useApi } from '../../data/ApiContext';

function CopyIcon({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('common.copied') : label} withArrow>
          <ActionIcon
            variant="subtle"
            color={copied ? 'teal' : 'gray'}
            onClick={copy}
            aria-label={label}
            size="md"
          >
            {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

function LoginLine({ login }: { login: Login }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const { password } = login;
  return (
    <Paper withBorder radius="md" px="md" py={6} data-testid="vm-login">
      <Group gap="lg" wrap="wrap" align="center">
        <Group gap={6} wrap="nowrap">
          <IconKey size={16} aria-hidden />
          <Text size="sm" fw={600}>
            {t('vmPage.login.label')}
          </Text>
        </Group>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" c="dimmed">
            {t('vmPage.login.user')}
          </Text>
          <Text size="sm" ff="monospace" data-testid="vm-login-user">
            {login.user}
          </Text>
          <CopyIcon value={login.user} label={t('vmPage.login.copyUser')} />
        </Group>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" c="dimmed">
            {t('vmPage.login.password')}
          </Text>
          {password === undefined ? (
            <Text size="sm" c="dimmed" fs="italic">
              {t('vmPage.login.noPassword')}
            </Text>
          ) : (
            <>
              <Text size="sm" ff="monospace" data-testid="vm-login-password" miw="14ch">
                {shown ? password : '•'.repeat(password.length)}
              </Text>
              <Tooltip label={shown ? t('vmPage.login.hide') : t('vmPage.login.show')} withArrow>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="md"
                  aria-label={shown ? t('vmPage.login.hide') : t('vmPage.login.show')}
                  aria-pressed={shown}
                  onClick={() => setShown((value) => !value)}
                >
                  {shown ? <IconEyeOff size={16} aria-hidden /> : <IconEye size={16} aria-hidden />}
                </ActionIcon>
              </Tooltip>
              <CopyIcon value={password} label={t('vmPage.login.copyPassword')} />
            </>
          )}
        </Group>
        <Text size="xs" c="dimmed" style={{ flex: '1 1 16rem' }}>
          {t('vmPage.login.hint')}
        </Text>
      </Group>
    </Paper>
  );
}

/**
 * The cloud-init user and password of a VM, for logging in on its serial console in a workshop.
 * Hidden by default (a projector shows everyone the screen); nothing for a VM without cloud-init.
 */
export function VmLogin({ id }: { id: string }) {
  const api = useApi();
  const query = useQuery<Login | null>({
    queryKey: ['vms.login', id],
    queryFn: () => api.call('vms.login', { id }),
    staleTime: Infinity, // fixed at create; kept in the domain's metadata
  });
  return query.data ? <LoginLine login={query.data} /> : null;
}
