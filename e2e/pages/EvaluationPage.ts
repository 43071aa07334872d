import { expect, type Locator, type Page } from '@playwright/test';

/** 我的民主评议 (phone): the member's round; in the voting step, the ballot. */
export class MyEvaluationPage {
  readonly heading: Locator;
  readonly ballot: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '我的民主评议', level: 2 });
    this.ballot = main.locator('[data-testid^="ballot-"]');
  }

  async goto(): Promise<void> {
    await this.page.goto('/my-evaluation');
    await expect(this.heading).toBeVisible();
  }

  /**
   * Gives every member on the ballot a grade: 优秀 to the first, 基本合格 to the second (a tap on
   * each button), then 合格 to the rest with the button for it. Returns how many were graded.
   */
  async gradeEveryone(): Promise<number> {
    await expect(this.ballot.first()).toBeVisible({ timeout: 20_000 });
    const n = await this.ballot.count();
    for (const [i, grade] of [
      [0, '优秀'],
      [1, '基本合格'],
    ] as const) {
      const row = this.ballot.nth(i);
      await row.getByText(grade, { exact: true }).click();
      await expect(row.getByRole('radio', { name: grade, exact: true })).toBeChecked();
    }
    await expect(this.page.getByText(`还有 ${n - 2} 人未选择等次`)).toBeVisible();
    await this.page.getByRole('button', { name: '其余未选的设为合格' }).click();
    await expect(this.page.getByText(/人未选择等次/)).toHaveCount(0);
    await expect(this.ballot.last().getByRole('radio', { name: '合格', exact: true })).toBeChecked();
    return n;
  }

  /** Submits the ballot, confirming in the pop-up. */
  async submit(): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: '提交选票' }).click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: '提交选票' }).click();
  }
}
