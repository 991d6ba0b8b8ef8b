import { Alert, Anchor, Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import {
  IconArrowLeft,
  IconCamera,
  IconChartLine,
  IconFileText,
  IconInfoCircle,
  IconJson,
  IconLock,
  IconTerminal2,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Guest } from '@shared/guest';
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
import { formatDateTime } from '../lib/format/time';
import { TerminalView } from '../terminal/TerminalView';
import { InspectPanel } from './guest/InspectPanel';
import { StatsPanel } from './guest/StatsPanel';
import { SystemInspectPanel } from './guest/SystemInspectPanel';
import { SystemSnapshotsPanel } from './guest/SystemSnapshotsPanel';
import { SystemStatsPanel } from './guest/SystemStatsPanel';
import { VmInspectPanel } from './guest/VmInspectPanel';
import { VmLogin } from './guest/VmLogin';
import { VmStatsPanel } from './guest/VmStatsPanel';
import { templateText } from '../data/template-text';

const containerTabs = ['console', 'logs', 'stats', 'inspect'] as const;
/** A system container also keeps snapshots of its root filesystem. */
type GuestTab = (typeof containerTabs)[number] | 'snapshots';
/** A VM has no log stream apart from its serial console. */
const vmTabs: readonly GuestTab[] = ['console', 'stats', 'inspect'];
/** A system container (LXD/Incus): no log stream either; its numbers come from LXD's /state. */
const systemTabs: readonly GuestTab[] = ['console', 'stats', 'inspect', 'snapshots'];
const tabIcons: Record<GuestTab, Icon> = {
  console: IconTerminal2,
  logs: IconFileText,
  stats: IconChartLine,
  inspect: IconJson,
  snapshots: IconCamera,
};

/** The console's height: the window less the page around it, and less the notice when not running. */
const consoleHeight = (around: number, running: boolean) =>
  `max(260px, calc(100dvh - ${running ? around : around + 70}px))`;

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

/**
 * A guest's views. A container: its console, its log stream, its numbers, its `docker inspect`. A
 * VM: its serial console, its numbers as the host sees them, its domain XML.
 */
function GuestTabs({ guest, tab }: { guest: Guest; tab: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const running = guest.state === 'running';
  const vm = guest.kind === 'vm';
  const tabs = vm ? vmTabs : guest.kind === 'system' ? systemTabs : containerTabs;
  const isTab = (value: unknown): value is GuestTab => tabs.includes(value as GuestTab);
  const terminal = (
    <TerminalView
      // A fresh view when the guest starts or stops: it attaches again and shows why.
      key={`${guest.id}:${running ? 'running' : 'not-running'}`}
      kind={guest.kind}
      guestId={guest.id}
      label={t('guestPage.consoleLabel', { name: guest.name })}
      // Leaves room for the "not running" notice above it.
      height={consoleHeight(vm ? 470 : 440, running)}
    />
  );
  return (
    <Tabs
      value={isTab(tab) ? tab : 'console'}
      onChange={(value) => {
        if (isTab(value)) void navigate(`/guests/${guest.id}/${value}`, { replace: true });
      }}
      // Only the open tab is mounted: a hidden terminal cannot measure itself, and leaving the
      // tab detaches its view (the session stays in main and replays on return).
      keepMounted={false}
    >
      <Tabs.List aria-label={vm ? t('vmPage.tabsLabel') : t('guestPage.tabsLabel')} mb="md">
        {tabs.map((value) => {
          const TabIcon = tabIcons[value];
          return (
            <Tabs.Tab key={value} value={value} leftSection={<TabIcon size={16} aria-hidden />}>
              {t(`guestPage.tab.${value}`)}
            </Tabs.Tab>
          );
        })}
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
            {vm
              ? t('vmPage.consoleNotRunning', { state: t(`guest.state.${guest.state}`) })
              : t('guestPage.consoleNotRunning', { state: t(`guest.state.${guest.state}`) })}
          </Alert>
        )}
        {!guest.managed ? (
          <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
            {vm ? t('vmPage.noConsoleUnmanaged') : t('guestPage.noConsoleUnmanaged')}
          </Alert>
        ) : vm ? (
          <Stack gap="xs">
            <VmLogin id={guest.id} />
            <Text size="xs" c="dimmed">
              {t('vmPage.consoleHint')}
            </Text>
            {guest.probeChannel === false && (
              <Text size="xs" c="dimmed" data-testid="vm-no-probe-channel">
                {t('vmPage.noProbeChannelHint')}
              </Text>
            )}
            {terminal}
          </Stack>
        ) : (
          terminal
        )}
      </Tabs.Panel>
      {tabs.includes('logs') && (
        <Tabs.Panel value="logs">
          <TerminalView
            key={guest.id}
            kind="container-logs"
            guestId={guest.id}
            label={t('guestPage.logsLabel', { name: guest.name })}
            readOnly
            height={consoleHeight(440, true)}
          />
        </Tabs.Panel>
      )}
      <Tabs.Panel value="stats">
        {vm ? (
          <VmStatsPanel id={guest.id} running={running} />
        ) : guest.kind === 'system' ? (
          <SystemStatsPanel id={guest.id} running={running} />
        ) : (
          <StatsPanel id={guest.id} running={running} />
        )}
      </Tabs.Panel>
      <Tabs.Panel value="inspect">
        {vm ? (
          <VmInspectPanel id={guest.id} />
        ) : guest.kind === 'system' ? (
          <SystemInspectPanel id={guest.id} />
        ) : (
          <InspectPanel id={guest.id} />
        )}
      </Tabs.Panel>
      {tabs.includes('snapshots') && (
        <Tabs.Panel value="snapshots">
          <SystemSnapshotsPanel id={guest.id} managed={guest.managed} />
        </Tabs.Panel>
      )}
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
      <GuestTabs guest={guest} tab={tab} />
    </Stack>
  );
}
