import { Group } from '@mantine/core';
import { useConnectionState } from '../data/ApiContext';
import { useEnginesStatus } from '../data/queries';
import { EngineIndicator } from './EngineIndicator';
import { ServerLinkIndicator } from './ServerLinkIndicator';

/** The footer's content; the footer itself is the labelled status region (AppLayout). */
export function EngineStatusBar() {
  const { data } = useEnginesStatus();
  const connection = useConnectionState();
  return (
    <Group h="100%" px="md" gap="lg" wrap="nowrap">
      <EngineIndicator engine="docker" status={data?.docker} stale={connection !== 'open'} />
      <EngineIndicator engine="libvirt" status={data?.libvirt} stale={connection !== 'open'} />
      <EngineIndicator engine="lxd" status={data?.lxd} stale={connection !== 'open'} />
      {connection !== 'open' && <ServerLinkIndicator state={connection} />}
    </Group>
  );
}
