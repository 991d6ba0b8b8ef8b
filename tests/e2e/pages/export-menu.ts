import type { Download, Page } from 'playwright-core';

/** The Export menu (Compare and How many fit? share it): chooses `format` and waits for the file. */
export async function exportReport(page: Page, format: 'Markdown' | 'HTML page'): Promise<Download> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: format, exact: true }).click(),
  ]);
  return download;
}
