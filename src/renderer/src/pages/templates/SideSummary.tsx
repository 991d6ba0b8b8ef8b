import { Badge, Group, Text, ThemeIcon } from '@mantine/core';
import { IconBox, IconDeviceDesktop, IconServer2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Template } from '@shared/template';
import { formatNumber } from '../../lib/format/number';

type Side = 'container' | 'vm' | 'system';

const sideLook = {
  container: {
    color: 'teal',
    icon: IconBox,
    labelKey: 'templates.side.container',
    noneKey: 'templates.side.noContainer',
  },
  vm: {
    color: 'indigo',
    icon: IconDeviceDesktop,
    labelKey: 'templates.side.vm',
    noneKey: 'templates.side.noVm',
  },
  system: {
    color: 'grape',
    icon: IconServer2,
    labelKey: 'templates.side.system',
    noneKey: 'templates.side.noSystem',
  },
} as const;

/**
 * The main numbers of one side: image, memory and CPUs for a container or a system container
 * (whose image from a named simplestreams server reads as the lxc CLI writes it, images:debian/12);
 * memory and vCPUs for a VM.
 */
function useSideFacts(template: Template, side: Side): string[] | undefined {
  const { t, i18n } = useTranslation();
  const number = (value: number) => formatNumber(value, i18n.language);
  if (side === 'container') {
    const container = template.container;
    if (!container) return undefined;
    return [
      container.image,
      ...(container.memoryMiB ? [t('templates.memory', { value: number(container.memoryMiB) })] : []),
      ...(container.cpus ? [t('templates.cpus', { count: container.cpus })] : []),
    ];
  }
  if (side === 'system') {
    const system = template.system;
    if (!system) return undefined;
    return [
      system.remote === 'images' ? `images:${system.image}` : system.image,
      ...(system.memoryMiB ? [t('templates.memory', { value: number(system.memoryMiB) })] : []),
      ...(system.cpus ? [t('templates.cpus', { count: system.cpus })] : []),
    ];
  }
  const vm = template.vm;
  if (!vm) return undefined;
  return [t('templates.memory', { value: number(vm.memoryMiB) }), t('templates.vcpus', { count: vm.vcpus })];
}

/** One row of the sides grid in TemplateCard: icon, label, facts (three cells, so labels line up). */
export function SideSummary({ template, side }: { template: Template; side: Side }) {
  const { t } = useTranslation();
  const facts = useSideFacts(template, side);
  const look = sideLook[side];
  const SideIcon = look.icon;
  const icon = (
    <ThemeIcon size="md" radius="sm" variant="light" color={facts ? look.color : 'gray'} aria-hidden>
      <SideIcon size={16} stroke={1.7} />
    </ThemeIcon>
  );
  if (!facts) {
    return (
      <>
        {icon}
        <Text size="sm" c="dimmed" style={{ gridColumn: 'span 2' }} data-side={side} data-present="false">
          {t(look.noneKey)}
        </Text>
      </>
    );
  }
  return (
    <>
      {icon}
      <Text size="sm" fw={600} data-side={side} data-present="true">
        {t(look.labelKey)}
      </Text>
      <Group gap={6}>
        {facts.map((fact, index) => {
          const isImage = side !== 'vm' && index === 0;
          return (
            <Badge
              key={fact}
              variant={isImage ? 'outline' : 'light'}
              color={look.color}
              size="md"
              tt="none"
              ff={isImage ? 'monospace' : undefined}
            >
              {fact}
            </Badge>
          );
        })}
      </Group>
    </>
  );
}
