import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TwinRole } from '@shared/twin-roles';
import type { OperationStep } from '@shared/operations';
import { CreateProgressFrame, StepIcon, stepState } from '../CreateSteps';
import { optionalVmSteps, vmCreateSteps } from '../vm/VmCreateProgress';
import type { TwinProgress } from './use-twin-create';

const containerSteps: readonly OperationStep[] = ['validating', 'pulling', 'creating', 'starting', 'done'];
/** Steps a part may pass by (image already here, direct-kernel VM): left out until they happen. */
const optionalSteps = new Set<OperationStep>([...optionalVmSteps, 'pulling']);

function PartSteps({ role, name, progress }: { role: TwinRole; name: string; progress: TwinProgress }) {
  const { t } = useTranslation();
  const all = role === 'vm' ? vmCreateSteps : containerSteps;
  const step = progress[role]?.step ?? progress.twin?.step ?? 'validating';
  const current = all.indexOf(step);
  const steps = all.filter((each, index) => !optionalSteps.has(each) || index >= current || each === step);
  return (
    <Stack gap={8} data-testid={`create-part-${role}`} data-step={step} style={{ minWidth: 0 }}>
      <Text fw={650} size="sm">
        {t(`twinWizard.part.${role}`)}
        <Text span size="xs" c="dimmed" ff="monospace" ml={8}>
          {name}
        </Text>
      </Text>
      <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {steps.map((each) => {
          const index = all.indexOf(each);
          const state = stepState(each, index, current);
          return (
            <li key={each} aria-current={state === 'current' ? 'step' : undefined}>
              <Group gap="xs" wrap="nowrap">
                <StepIcon state={state} size="sm" />
                <Text
                  size="sm"
                  c={state === 'waiting' ? 'dimmed' : undefined}
                  fw={state === 'current' ? 650 : 400}
                >
                  {t(role === 'vm' ? `vmWizard.create.step.${each}` : `wizard.create.step.${each}`)}
                </Text>
              </Group>
            </li>
          );
        })}
      </Stack>
    </Stack>
  );
}

interface TwinCreateProgressProps {
  name: string;
  parts: { role: TwinRole; name: string }[];
  progress: TwinProgress;
  cancelling: boolean;
  onCancel: () => void;
}

/** The twin's create as it goes: one column of steps per part, one Cancel for all of them. */
export function TwinCreateProgress({ name, parts, progress, cancelling, onCancel }: TwinCreateProgressProps) {
  const { t } = useTranslation();
  return (
    <CreateProgressFrame
      title={t('twinWizard.create.title', { name })}
      cancelling={cancelling}
      onCancel={onCancel}
    >
      <SimpleGrid cols={{ base: 1, sm: parts.length }} spacing="lg">
        {parts.map((part) => (
          <PartSteps key={part.role} role={part.role} name={part.name} progress={progress} />
        ))}
      </SimpleGrid>
    </CreateProgressFrame>
  );
}
