import { expect, type Locator, type Page } from '@playwright/test';

/** 流动党员活动证: the ledger, the issue drawer and each row's actions. */
export class CertificatesPage {
  readonly heading: Locator;
  readonly issueButton: Locator;
  readonly table: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '流动党员活动证', level: 2 });
    this.issueButton = main.getByRole('button', { name: '签发活动证' });
    this.table = main.getByRole('table');
    this.drawer = page.getByRole('dialog', { name: '签发活动证' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/certificates');
    await expect(this.heading).toBeVisible();
  }

  /** Opens the drawer, picks the member by name (the option showing the ID tail), fills the rest, submits. */
  async issue(member: { name: string; idTail: string }, destination: string, reason: string): Promise<void> {
    await this.issueButton.click();
    await expect(this.drawer).toBeVisible();
    const picker = this.drawer.getByLabel('持证党员');
    await picker.click();
    await picker.fill(member.name);
    await this.page
      .locator('.ant-select-item-option')
      .filter({ hasText: `${member.name} · ${member.idTail}` })
      .click();
    await this.drawer.getByLabel('流入地（去往何处）').fill(destination);
    await this.drawer.getByLabel('外出原因').fill(reason);
    await this.drawer.getByRole('button', { name: '签发活动证' }).click();
    await expect(this.drawer).toBeHidden();
  }

  /** The ledger row of a holder. */
  row(name: string): Locator {
    return this.table.getByRole('row').filter({ hasText: name });
  }
}
