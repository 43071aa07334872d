import { expect, type Locator, type Page } from '@playwright/test';

/** 我的志愿服务 (phone): this year's hours, reporting hours, my reports. */
export class MyVolunteerHoursPage {
  readonly heading: Locator;
  readonly yearHours: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '我的志愿服务', level: 2 });
    this.yearHours = main.getByTestId('volunteer-year-hours');
    this.drawer = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.goto('/my-volunteer-hours');
    await expect(this.heading).toBeVisible();
    await expect(this.yearHours).toBeVisible({ timeout: 20_000 });
  }

  /** Reports hours of today with what was done. */
  async report(hours: number, description: string, place: string): Promise<void> {
    await this.page.getByRole('button', { name: '填报时长' }).click();
    await expect(this.drawer).toBeVisible();
    await this.drawer.getByLabel('服务时长（小时）').fill(String(hours));
    await this.drawer.getByLabel('服务内容').fill(description);
    await this.drawer.getByLabel('服务地点').fill(place);
    await this.drawer.getByRole('button', { name: '提交审核' }).click();
    await expect(this.page.getByText('已提交，等待所在党组织书记审核')).toBeVisible();
    await expect(this.drawer).toBeHidden();
  }

  /** A report of mine by what was done. */
  item(description: string): Locator {
    return this.page.getByTestId('volunteer-hours-item').filter({ hasText: description });
  }
}

/** 自主志愿服务审核 (desk): the reports of the secretary's subtree, awaiting review first. */
export class VolunteerHoursReviewPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { name: '自主志愿服务审核', level: 2 });
  }

  async goto(): Promise<void> {
    await this.page.goto('/volunteer-hours');
    await expect(this.heading).toBeVisible();
    await expect(this.page.locator('tbody tr.ant-table-row').first()).toBeVisible({ timeout: 20_000 });
  }

  row(description: string): Locator {
    return this.page.locator('tbody tr.ant-table-row').filter({ hasText: description });
  }
}
