import { expect, type Locator, type Page } from '@playwright/test';

type MaskedField = '身份证号' | '手机号';

/** One member: the header with the name, the 档案 tab with masked values and 查看, the 操作记录 tab. */
export class MemberPage {
  readonly name: Locator;
  readonly profileTab: Locator;
  readonly historyTab: Locator;
  /** The 查看 dialog: the reason form, then the full value once. */
  readonly revealDialog: Locator;
  readonly revealReason: Locator;
  readonly revealSubmit: Locator;
  readonly revealedValue: Locator;
  readonly revealDone: Locator;
  /** 操作记录's entries: table rows with cells. */
  readonly historyEntries: Locator;
  /** 打印采集表: the member's information form as a PDF download. */
  readonly printForm: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.name = main.getByRole('heading', { level: 2 });
    this.profileTab = main.getByRole('tab', { name: '档案' });
    this.historyTab = main.getByRole('tab', { name: '操作记录' });
    this.revealDialog = page.getByRole('dialog');
    this.revealReason = this.revealDialog.getByRole('textbox', { name: '查看原因' });
    this.revealSubmit = this.revealDialog.getByRole('button', { name: '查看', exact: true });
    this.revealedValue = this.revealDialog.locator('.nx-revealed');
    this.revealDone = this.revealDialog.getByRole('button', { name: '完成', exact: true });
    this.printForm = main.getByRole('button', { name: '打印采集表' });
    this.historyEntries = main
      .getByRole('tabpanel', { name: '操作记录' })
      .getByRole('row')
      .filter({ has: page.getByRole('cell') });
  }

  async goto(id: number): Promise<void> {
    await this.page.goto(`/members/${id}`);
    await expect(this.name).toBeVisible();
  }

  /** The masked value of 身份证号 or 手机号 as the profile shows it. */
  maskedValue(field: MaskedField): Locator {
    return this.page
      .getByRole('main')
      .locator('.ant-descriptions-item')
      .filter({ hasText: field })
      .locator('.nx-mono');
  }

  /** Presses 查看 next to the field, gives the reason and returns the revealed value's locator. */
  async reveal(field: MaskedField, reason: string): Promise<Locator> {
    await this.page
      .getByRole('main')
      .getByRole('button', { name: `查看${field}` })
      .click();
    await expect(this.revealDialog).toBeVisible();
    await expect(this.revealDialog).toContainText(`查看完整${field}`);
    await this.revealReason.fill(reason);
    await this.revealSubmit.click();
    await expect(this.revealedValue).toBeVisible();
    return this.revealedValue;
  }

  async openHistory(): Promise<void> {
    await this.historyTab.click();
    await expect(this.historyTab).toHaveAttribute('aria-selected', 'true');
    await expect(this.historyEntries.first()).toBeVisible();
  }
}
