import { Alert, Code, Stack, Table, Text } from '@mantine/core';
import { IconFileAlert } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CatalogProblem } from '@shared/template';

/** Problems by file, in the order the files first appear; one file often has several. */
function byFile(problems: readonly CatalogProblem[]): [string, CatalogProblem[]][] {
  const files = new Map<string, CatalogProblem[]>();
  for (const problem of problems) files.set(problem.file, [...(files.get(problem.file) ?? []), problem]);
  return [...files];
}

function FileProblems({ file, problems }: { file: string; problems: CatalogProblem[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" ff="monospace" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {file}
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table fz="xs" verticalSpacing={4} horizontalSpacing="sm" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="28%">{t('templates.problems.field')}</Table.Th>
              <Table.Th w={64}>{t('templates.problems.line')}</Table.Th>
              <Table.Th>{t('templates.problems.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.map((problem, index) => (
              <Table.Tr key={`${problem.field}:${index}`}>
                <Table.Td>
                  {problem.field ? (
                    <Code style={{ overflowWrap: 'anywhere' }}>{problem.field}</Code>
                  ) : (
                    <Text span size="xs" c="dimmed">
                      {t('templates.problems.wholeFile')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{problem.line ?? '—'}</Table.Td>
                {/* The loader's message is English from the schema; file and field locate it in any language. */}
                <Table.Td>{problem.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** Template files that could not be used, with enough position to open the file and fix it. */
export function CatalogProblems({ problems }: { problems: CatalogProblem[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="outline"
      // The title stays in the text colour: orange text on white is too faint to read.
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
      icon={<IconFileAlert aria-hidden />}
      title={t('templates.problems.title', { count: problems.length })}
      data-testid="catalog-problems"
    >
      <Stack gap="md">
        <Text size="sm">{t('templates.problems.description')}</Text>
        {byFile(problems).map(([file, fileProblems]) => (
          <FileProblems key={file} file={file} problems={fileProblems} />
        ))}
      </Stack>
    </Alert>
  );
}
