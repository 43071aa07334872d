import { type Download, expect, type Locator, type Page } from '@playwright/test';

/** 统计报表: the annual report's download and the committee-wide feedback run. */
export class ReportsPage {
  readonly heading: Locator;
  readonly annualCard: Locator;
  readonly feedbackCard: Locator;
  /** The latest run: its state, counties and members done, and its download once done. */
  readonly latestRun: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '统计报表', level: 2 });
    this.annualCard = page.locator('.ant-card').filter({ hasText: '年度党内统计报表' });
    this.feedbackCard = page.locator('.ant-card').filter({ hasText: '全委现实表现反馈汇总表' });
    // The first live region: the county list's table below it has its own (its loading spinner).
    this.latestRun = this.feedbackCard.locator('[aria-live=polite]').first();
  }

  async goto(): Promise<void> {
    await this.page.goto('/stats/reports');
    await expect(this.heading).toBeVisible();
  }

  private async save(link: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    return download;
  }

  downloadAnnual(): Promise<Download> {
    return this.save(this.annualCard.getByRole('link', { name: /下载报表/ }));
  }

  /** Starts a run and waits until it is done (the page polls it every second). */
  async runFeedback(): Promise<void> {
    await this.feedbackCard.getByRole('button', { name: /开始生成/ }).click();
    await expect(this.latestRun.getByText('已完成')).toBeVisible({ timeout: 60_000 });
  }

  downloadFeedback(): Promise<Download> {
    return this.save(this.latestRun.getByRole('link', { name: /下载汇总表/ }));
  }

  /** The first county's feedback PDF of the latest run (the list below its progress). */
  downloadFirstCountyPdf(): Promise<Download> {
    return this.save(this.feedbackCard.getByRole('link', { name: / 下载 PDF/ }).first());
  }
}
