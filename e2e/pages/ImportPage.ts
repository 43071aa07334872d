import { expect, type Locator, type Page } from '@playwright/test';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One row of the error table, as the page shows it. */
export interface ImportErrorRow {
  row: number;
  column: string;
  value: string;
  message: string;
}

/** 批量导入党员: choose a file, 检查 (the error table, or where the rows go), 校验通过 N 行，确认导入. */
export class ImportPage {
  readonly heading: Locator;
  readonly templateLink: Locator;
  readonly fileInput: Locator;
  readonly checkButton: Locator;
  readonly commitButton: Locator;
  readonly reselectButton: Locator;
  /** The outcome of 检查: file name and counts. */
  readonly summary: Locator;
  /** After a check that passed: 党组织, 党员类型, 人数. */
  readonly stageSummary: Locator;
  readonly errorTable: Locator;
  readonly errorRows: Locator;
  /** The success page after 导入. */
  readonly doneTitle: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '批量导入党员', level: 2 });
    this.templateLink = main.getByRole('link', { name: '下载导入模板' });
    this.fileInput = main.locator('input[type="file"]');
    this.checkButton = main.getByRole('button', { name: '检查', exact: true });
    this.commitButton = main.getByRole('button', { name: /^校验通过 [\d,]+ 行，确认导入$/ });
    this.reselectButton = main.getByRole('button', { name: '重新选择文件' });
    this.summary = main.getByRole('alert').filter({ hasText: /共 \d+ 行，可导入 \d+ 行/ });
    this.stageSummary = main
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: '党员类型' }) });
    this.errorTable = main
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: '问题' }) });
    this.errorRows = this.errorTable.getByRole('row').filter({ has: page.getByRole('cell') });
    this.doneTitle = main.getByText(/^已导入 \d+ 人$/);
  }

  async goto(): Promise<void> {
    await this.page.goto('/members/import');
    await expect(this.heading).toBeVisible();
  }

  async choose(name: string, buffer: Buffer): Promise<void> {
    await this.fileInput.setInputFiles({ name, mimeType: XLSX_TYPE, buffer });
    await expect(this.page.getByRole('main').getByText(name)).toBeVisible();
  }

  /** Presses 检查 and waits for its outcome. */
  async check(): Promise<void> {
    await this.checkButton.click();
    await expect(this.summary).toBeVisible({ timeout: 30_000 });
  }

  /** The error table's rows: 行号, 列, 内容, 问题. */
  async errors(): Promise<ImportErrorRow[]> {
    const headers = (await this.errorTable.getByRole('columnheader').allInnerTexts()).map((t) => t.trim());
    expect(headers).toEqual(['行号', '列', '内容', '问题']);
    const cells = await this.errorRows.evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? '')),
    );
    return cells.map(([row, column, value, message]) => ({
      row: Number(row),
      column: column ?? '',
      value: value ?? '',
      message: message ?? '',
    }));
  }
}
