import { expect, type Locator, type Page } from '@playwright/test';

/** 走访慰问: the list of visits and the drawer that records one. */
export class CareVisitsPage {
  readonly main: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.rows = this.main.getByRole('row').filter({ has: page.getByRole('cell') });
  }

  async goto(): Promise<void> {
    await this.page.goto('/care/visits');
    await expect(this.main.getByRole('heading', { name: '走访慰问', level: 2 })).toBeVisible();
  }

  /** 登记走访: a holiday visit to the member (found by name, picked by its option's text), saved. */
  async recordHolidayVisit(v: {
    memberName: string;
    memberOption: string;
    holiday: string;
    visitors: string;
    giftYuan: string;
  }): Promise<void> {
    await this.main.getByRole('button', { name: '登记走访' }).click();
    const drawer = this.page.getByRole('dialog', { name: '登记走访' });
    await expect(drawer).toBeVisible();
    const member = drawer.getByRole('combobox', { name: '慰问对象' });
    await expect(async () => {
      await member.click();
      await member.fill(v.memberName);
      await this.page
        .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${v.memberOption}"]`)
        .click({ timeout: 3_000 });
      await expect(drawer.locator(`[title="${v.memberOption}"]`).first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(drawer.getByRole('combobox', { name: '走访原因' })).toBeVisible();
    await drawer.getByLabel('节日').fill(v.holiday);
    await drawer.getByLabel('走访人').fill(v.visitors);
    await drawer.getByLabel('慰问金额或物品折价（元）').fill(v.giftYuan);
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(drawer).toBeHidden();
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }
}
