import { Alert, Anchor, Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import {
  IconArrowLeft,
  IconChartLine,
  IconFileText,
  IconInfoCircle,
  IconJson,
  IconLock,
  IconTerminal2,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Guest } from '../../../shared/guest';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { PageEmptyState } from '../components/PageEmptyState';
import { PageHeader } from '../components/PageHeader';
import { useContainerInspect, useGuest } from '../data/guests';
import { useCatalog } from '../data/queries';
import { GuestActions } from '../guests/GuestActions';
import { BootTimeBadge } from '../guests/BootTimeBadge';
import { GuestStateBadge } from '../guests/GuestStateBadge';
import { currentLocale } from '../i18n';
import { formatDateTime } from '../status/format-time';
import { TerminalView } from '../terminal/TerminalView';
import { InspectPanel } from './guest/InspectPanel';
import { StatsPanel } from './guest/StatsPanel';
import { VmInspectPanel } from './guest/VmInspectPanel';
import { VmStatsPanel } from './guest/VmStatsPanel';
import { templateText } from './templates/template-text';

const tabs = ['console', 'logs', 'stats', 'inspect'] as const;
type GuestTab = (typeof tabs)[number];
const isTab = (value: unknown): value is GuestTab => tabs.includes(value as GuestTab);

function imageOf(inspect: Record<string, unknown> | undefined): string | undefined {
  const config = inspect?.['Config'];
  if (typeof config !== 'object' || config === null) return undefined;
  const image = (config as Record<string, unknown>)['Image'];
  return typeof image === 'string' ? image : undefined;
}

function BackToLab() {
  const { t } = useTranslation();
  return (
    <Anchor
      component={Link}
      to="/lab"
      size="sm"
      mb="xs"
      display="inline-flex"
      style={{ alignItems: 'center', gap: 4 }}
    >
      <IconArrowLeft size={14} aria-hidden />
      {t('guestPage.back')}
    </Anchor>
  );
}

function Facts({ guest }: { guest: Guest }) {
  const { t, i18n } = useTranslation();
  const inspect = useContainerInspect(guest.id, guest.kind === 'container');
  const catalog = useCatalog();
  const template = catalog.data?.entries.find((entry) => entry.template.id === guest.templateId)?.template;
  const image = imageOf(inspect.data);
  return (
    <Group gap="xs" mb="lg" data-testid="guest-facts">
      <GuestStateBadge state={guest.state} size="lg" />
      <Badge variant="light" color="gray" size="lg" tt="none" fw={500}>
        {t(`guest.kind.${guest.kind}`)}
      </Badge>
      <Badge variant="light" color="blue" size="lg" tt="none" fw={500} data-testid="guest-runtime">
        {guest.kind === 'vm'
          ? t(`vm.runtime.${guest.runtime}`, { defaultValue: guest.runtime })
          : t('guestPage.runtime', {
              runtime: t(`guest.runtimeName.${guest.runtime}`, { defaultValue: guest.runtime }),
            })}
      </Badge>
      {guest.kind === 'vm' && <BootTimeBadge id={guest.id} />}
      {image && (
        <Badge
          variant="outline"
          color="teal"
          size="lg"
          tt="none"
          ff="monospace"
          fw={500}
          data-testid="guest-image"
        >
          {image}
        </Badge>
      )}
      <Text size="sm" c="dimmed">
        {[
          guest.templateId
            ? t('guestPage.fromTemplate', {
                template: template ? templateText(template, currentLocale()).name : guest.templateId,
              })
            : undefined,
          t('guestPage.createdAt', { time: formatDateTime(guest.createdAt, i18n.language) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {!guest.managed && (
        <Badge
          variant="light"
          color="gray"
          size="lg"
          tt="none"
          leftSection={<IconLock size={12} aria-hidden />}
        >
          {t('guestPage.readOnly')}
        </Badge>
      )}
    </Group>
  );
}

function ContainerTabs({ guest, tab }: { guest: Guest; tab: GuestTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const running = guest.state === 'running';
  return (
    <Tabs
      value={tab}
      onChange={(value) => {
        if (isTab(value)) void navigate(`/guests/${guest.id}/${value}`, { replace: true });
      }}
      // Only the open tab is mounted: a hidden terminal cannot measure itself, and leaving the
      // tab detaches its view (the session stays in main and replays on return).
      keepMounted={false}
    >
      <Tabs.List aria-label={t('guestPage.tabsLabel')} mb="md">
        <Tabs.Tab value="console" leftSection={<IconTerminal2 size={16} aria-hidden />}>
          {t('guestPage.tab.console')}
        </Tabs.Tab>
        <Tabs.Tab value="logs" leftSection={<IconFileText size={16} aria-hidden />}>
          {t('guestPage.tab.logs')}
        </Tabs.Tab>
        <Tabs.Tab value="stats" leftSection={<IconChartLine size={16} aria-hidden />}>
          {t('guestPage.tab.stats')}
        </Tabs.Tab>
        <Tabs.Tab value="inspect" leftSection={<IconJson size={16} aria-hidden />}>
          {t('guestPage.tab.inspect')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="console">
        {guest.managed && !running && (
          <Alert
            color="gray"
            variant="light"
            icon={<IconInfoCircle aria-hidden />}
            mb="sm"
            data-testid="console-not-running"
          >
            {t('guestPage.consoleNotRunning', { state: t(`guest.state.${guest.state}`) })}
          </Alert>
        )}
        {guest.managed ? (
          <TerminalView
            // A fresh view when the container starts or stops: it attaches again and shows why.
            key={`${guest.id}:${running ? 'running' : 'not-running'}`}
            kind="container"
            guestId={guest.id}
            label={t('guestPage.consoleLabel', { name: guest.name })}
            // Leaves room for the "not running" notice above it.
            height={running ? 'max(260px, calc(100dvh - 440px))' : 'max(260px, calc(100dvh - 510px))'}
          />
        ) : (
          <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
            {t('guestPage.noConsoleUnmanaged')}
          </Alert>
        )}
      </Tabs.Panel>
      <Tabs.Panel value="logs">
        <TerminalView
          key={guest.id}
          kind="container-logs"
          guestId={guest.id}
          label={t('guestPage.logsLabel', { name: guest.name })}
          readOnly
          height="max(260px, calc(100dvh - 440px))"
        />
      </Tabs.Panel>
      <Tabs.Panel value="stats">
        <StatsPanel id={guest.id} running={running} />
      </Tabs.Panel>
      <Tabs.Panel value="inspect">
        <InspectPanel id={guest.id} />
      </Tabs.Panel>
    </Tabs>
  );
}

const vmTabs = ['console', 'stats', 'inspect'] as const;
type VmTab = (typeof vmTabs)[number];
const isVmTab = (value: unknown): value is VmTab => vmTabs.includes(value as VmTab);

/** A VM's views: its serial console, its numbers as the host sees them, its domain XML. */
function VmTabs({ guest, tab }: { guest: Guest; tab: VmTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const running = guest.state === 'running';
  return (
    <Tabs
      value={tab}
      onChange={(value) => {
        if (isVmTab(value)) void navigate(`/guests/${guest.id}/${value}`, { replace: true });
      }}
      keepMounted={false}
    >
      <Tabs.List aria-label={t('vmPage.tabsLabel')} mb="md">
        <Tabs.Tab value="console" leftSection={<IconTerminal2 size={16} aria-hidden />}>
          {t('guestPage.tab.console')}
        </Tabs.Tab>
        <Tabs.Tab value="stats" leftSection={<IconChartLine size={16} aria-hidden />}>
          {t('guestPage.tab.stats')}
        </Tabs.Tab>
        <Tabs.Tab value="inspect" leftSection={<IconJson size={16} aria-hidden />}>
          {t('guestPage.tab.inspect')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="console">
        {guest.managed && !running && (
          <Alert
            color="gray"
            variant="light"
            icon={<IconInfoCircle aria-hidden />}
            mb="sm"
            data-testid="console-not-running"
          >
            {t('vmPage.consoleNotRunning', { state: t(`guest.state.${guest.state}`) })}
          </Alert>
        )}
        {guest.managed ? (
          <Stack gap="xs">
            <Text size="xs" c="dimmed">
              {t('vmPage.consoleHint')}
            </Text>
            <TerminalView
              key={`${guest.id}:${running ? 'running' : 'not-running'}`}
              kind="vm"
              guestId={guest.id}
              label={t('guestPage.consoleLabel', { name: guest.name })}
              height={running ? 'max(260px, calc(100dvh - 470px))' : 'max(260px, calc(100dvh - 540px))'}
            />
          </Stack>
        ) : (
          <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
            {t('vmPage.noConsoleUnmanaged')}
          </Alert>
        )}
      </Tabs.Panel>
      <Tabs.Panel value="stats">
        <VmStatsPanel id={guest.id} running={running} />
      </Tabs.Panel>
      <Tabs.Panel value="inspect">
        <VmInspectPanel id={guest.id} />
      </Tabs.Panel>
    </Tabs>
  );
}

/** One guest: header with state and lifecycle, then Console, Logs, Stats and Inspect tabs. */
export function GuestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '', tab } = useParams();
  const { guest, isPending, isError, error, refetch, isFetching } = useGuest(id);

  if (isPending) return <LoadingState label={t('guestPage.loading')} />;
  if (isError) {
    return (
      <>
        <BackToLab />
        <ErrorAlert
          title={t('guestPage.loadFailed')}
          error={error}
          onRetry={() => void refetch()}
          retrying={isFetching}
        />
      </>
    );
  }
  if (!guest) {
    return (
      <>
        <BackToLab />
        <PageHeader title={t('guestPage.goneTitle')} />
        <PageEmptyState
          icon={IconInfoCircle}
          title={t('guestPage.goneTitle')}
          description={t('guestPage.gone')}
        >
          <Button component={Link} to="/lab" variant="default">
            {t('guestPage.back')}
          </Button>
        </PageEmptyState>
      </>
    );
  }

  return (
    <Stack gap={0}>
      <BackToLab />
      <PageHeader
        title={guest.name}
        actions={<GuestActions guest={guest} onRemoved={() => void navigate('/lab', { replace: true })} />}
      />
      <Stack gap={0} mt={-16}>
        <Facts guest={guest} />
      </Stack>
      {guest.kind === 'container' ? (
        <ContainerTabs guest={guest} tab={isTab(tab) ? tab : 'console'} />
      ) : (
        <VmTabs guest={guest} tab={isVmTab(tab) ? tab : 'console'} />
      )}
    </Stack>
  );
}
