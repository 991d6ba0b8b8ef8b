import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileTypeHtml, IconMarkdown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { reportToHtml } from './export-html';
import { reportToMarkdown } from './export-markdown';
import type { CompareReport } from './report';

/** Saves text as a file through a Blob link: works the same in Electron and in a browser tab. */
function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Export": the comparison as Markdown or as one standalone HTML page. */
export function ExportMenu({ report, fileBase }: { report: () => CompareReport; fileBase: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Menu shadow="md" width={220} position="bottom-end">
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          {t('exportReport.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label={t('exportReport.menu')}>
        <Menu.Item
          leftSection={<IconMarkdown size={16} aria-hidden />}
          onClick={() => download(reportToMarkdown(report()), `${fileBase}.md`, 'text/markdown')}
        >
          {t('exportReport.markdown')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconFileTypeHtml size={16} aria-hidden />}
          onClick={() => download(reportToHtml(report(), i18n.language), `${fileBase}.html`, 'text/html')}
        >
          {t('exportReport.html')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
