import { expect, type Locator, type Page } from '@playwright/test';
import { pickOption } from './pickers';

/** 党费: a branch's months (opening this month's), the month's members with 登记交纳, the arrears list. */
export class DuesPage {
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
  }

  /** 开启本月台账 for the branch; the month's page opens. */
  async openMonth(branchId: number, branchName: string, monthText: string) {
    await this.page.goto(`/dues?orgId=${branchId}`);
    await expect(this.main.getByRole('heading', { name: '党费收缴', level: 2 })).toBeVisible();
    await this.main.getByRole('button', { name: `开启 ${monthText} 台账` }).click();
    await expect(this.main.getByRole('heading', { level: 2 })).toContainText(`${branchName} ${monthText}`);
  }

  /** The members' rows of the month's page. */
  row(name: string): Locator {
    return this.main.getByTestId('dues-month-members').getByRole('row').filter({ hasText: name });
  }

  /** 登记交纳 on a member's row: from the month given (or the month itself), by cash or transfer. */
  async pay(name: string, opts: { fromMonthText?: string; method: '现金' | '转账' }) {
    await this.row(name).first().getByRole('button', { name: '登记交纳' }).click();
    const drawer = this.page.getByRole('dialog', { name: `登记交纳：${name}` });
    await expect(drawer).toBeVisible();
    if (opts.fromMonthText) await pickOption(drawer, '起始月份', opts.fromMonthText, { search: true });
    await drawer.locator('label').filter({ hasText: opts.method }).click();
    await expect(drawer.getByRole('radio', { name: opts.method })).toBeChecked();
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(drawer).toBeHidden();
    await expect(this.row(name).first()).toContainText('已交');
  }

  /** The arrears list's count of members owing (in the user's whole scope). */
  async membersInArrears(): Promise<number> {
    await this.page.goto('/dues/arrears');
    await expect(this.main.getByRole('heading', { name: '欠缴党费', level: 2 })).toBeVisible();
    const totals = this.main.getByText(/人欠缴 \d+ 个月/);
    await expect(totals).toBeVisible();
    const match = /(\d+) 人欠缴/.exec((await totals.textContent()) ?? '');
    if (!match) throw new Error('no arrears totals');
    return Number(match[1]);
  }
}
