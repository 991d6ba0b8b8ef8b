import { Alert, Badge, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconWorldDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mirrorConfigSchema, type MirrorConfig, type MirrorProbe, type MirrorStatus } from '@shared/mirrors';
import { HostPanel } from './HostPanel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDescribeError } from '../../i18n/describe-error';
import { useApi } from '../../data/ApiContext';

const mirrorsKey = ['mirrors.status'] as const;

/**
 * Which mirrors downloads and pulls use, where that setting came from, whether each answers, and a
 * form for this user's own setting (which wins over TWINLAB_MIRROR and the machine's file).
 */
export function MirrorPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const describeError = useDescribeError();
  const status = useQuery<MirrorStatus>({
    queryKey: mirrorsKey,
    queryFn: () => api.call('mirrors.status', {}),
  });
  const update = useMutation({
    mutationFn: (change: MirrorConfig | 'clear') =>
      change === 'clear' ? api.call('mirrors.clear', {}) : api.call('mirrors.save', change),
    onSuccess: (next) => client.setQueryData(mirrorsKey, next),
  });
  const data = status.data;
  return (
    <HostPanel
      id="mirror"
      icon={<IconWorldDownload size={18} aria-hidden />}
      title={t('mirrors.title')}
      description={t('mirrors.description')}
    >
      {data && (
        <Stack gap="xs" data-testid="mirror-in-use">
          <Text size="sm" fw={500}>
            {data.source === 'none'
              ? t('mirrors.source.none')
              : t(`mirrors.source.${data.source}`, { file: data.file ?? '' })}
          </Text>
          {data.problem !== undefined && (
            <Alert color="red" variant="light" title={t('mirrors.invalid')}>
              {describeError(data.problem)}
            </Alert>
          )}
          {data.http !== undefined && (
            <MirrorRow
              label={t('mirrors.http')}
              value={data.http}
              probe={data.probes.http}
              testId="mirror-http"
            />
          )}
          {data.registry !== undefined && (
            <MirrorRow
              label={t('mirrors.registry')}
              value={data.registry}
              probe={data.probes.registry}
              testId="mirror-registry"
            />
          )}
          {data.dockerMirrors.length > 0 && (
            <Text size="sm" data-testid="mirror-docker">
              {t('mirrors.dockerMirrors', { mirrors: data.dockerMirrors.join(', ') })}
            </Text>
          )}
        </Stack>
      )}
      {data && (
        // Keyed by the setting in use: the form starts from it, so a small edit keeps the other field.
        <MirrorForm
          key={`${data.source}|${data.http ?? ''}|${data.registry ?? ''}`}
          initial={data}
          canClear={data.source === 'user'}
          pending={update.isPending}
          onSave={(config) => update.mutate(config)}
          onClear={() => update.mutate('clear')}
        />
      )}
      {update.isError && (
        <ErrorAlert
          title={t('mirrors.failed')}
          error={update.error}
          onRetry={() => update.variables && update.mutate(update.variables)}
          retrying={update.isPending}
        />
      )}
      {status.isError && (
        <ErrorAlert
          title={t('mirrors.failed')}
          error={status.error}
          onRetry={() => void status.refetch()}
          retrying={status.isFetching}
        />
      )}
    </HostPanel>
  );
}

function MirrorRow({
  label,
  value,
  probe,
  testId,
}: {
  label: string;
  value: string;
  probe?: MirrorProbe;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" data-testid={testId}>
      <Text size="sm" w={140}>
        {label}
      </Text>
      <Code>{value}</Code>
      {probe &&
        (probe.answers ? (
          <Badge color="green" variant="light">
            {t('mirrors.answers')}
          </Badge>
        ) : (
          <Badge color="red" variant="light" title={probe.detail}>
            {t('mirrors.silent', { detail: probe.detail ?? '' })}
          </Badge>
        ))}
    </Group>
  );
}

interface MirrorFormProps {
  initial: MirrorConfig;
  canClear: boolean;
  pending: boolean;
  onSave: (config: MirrorConfig) => void;
  onClear: () => void;
}

/** This user's own setting; checked here with the same schema main uses, so a typo is marked on its field. */
function MirrorForm({ initial, canClear, pending, onSave, onClear }: MirrorFormProps) {
  const { t } = useTranslation();
  const [http, setHttp] = useState(initial.http ?? '');
  const [registry, setRegistry] = useState(initial.registry ?? '');
  const [invalid, setInvalid] = useState<{ http?: boolean; registry?: boolean }>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = mirrorConfigSchema.safeParse({
      ...(http.trim() !== '' && { http: http.trim() }),
      ...(registry.trim() !== '' && { registry: registry.trim() }),
    });
    const fields = new Set(parsed.error?.issues.map((issue) => issue.path[0]));
    setInvalid({ http: fields.has('http'), registry: fields.has('registry') });
    if (parsed.success) onSave(parsed.data);
  };
  return (
    <form onSubmit={submit} aria-labelledby="mirror-form-title">
      <Stack gap="xs">
        <Text size="sm" fw={500} id="mirror-form-title">
          {t('mirrors.formTitle')}
        </Text>
        <Group align="flex-start" gap="md" wrap="wrap">
          <TextInput
            label={t('mirrors.http')}
            description={t('mirrors.httpHint')}
            placeholder="http://10.0.0.5:8787"
            value={http}
            onChange={(event) => setHttp(event.currentTarget.value)}
            error={invalid.http ? t('mirrors.httpInvalid') : undefined}
            w={360}
            data-testid="mirror-http-input"
          />
          <TextInput
            label={t('mirrors.registry')}
            description={t('mirrors.registryHint')}
            placeholder="10.0.0.5:5000"
            value={registry}
            onChange={(event) => setRegistry(event.currentTarget.value)}
            error={invalid.registry ? t('mirrors.registryInvalid') : undefined}
            w={220}
            data-testid="mirror-registry-input"
          />
        </Group>
        <Group gap="sm">
          <Button type="submit" loading={pending} data-testid="mirror-save">
            {t('mirrors.save')}
          </Button>
          <Button
            variant="default"
            disabled={!canClear || pending}
            onClick={onClear}
            data-testid="mirror-clear"
          >
            {t('mirrors.clear')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
