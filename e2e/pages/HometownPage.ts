import { expect, type Locator, type Page } from '@playwright/test';
import { pickOrg } from './pickers';

/** 服务家乡: the totals page (by county) and the project drawer on the projects page. */
export class HometownPage {
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
  }

  /** The totals of one county: its projects and signed investment (万元) as the total row shows them. */
  async countyTotals(county: string): Promise<{ projects: string; signed: string }> {
    await this.page.goto('/hometown');
    await expect(this.main.getByRole('heading', { name: '服务家乡总览', level: 2 })).toBeVisible();
    // The county's figures load afresh (no earlier figures stay on screen meanwhile).
    const loaded = this.page.waitForResponse(
      (r) => r.url().includes('/api/v1/hometown/totals') && r.url().includes('countyCode=') && r.ok(),
    );
    await this.pick(this.main.getByRole('combobox', { name: '县区' }), county);
    await loaded;
    await expect(this.projectsTotal).toBeVisible();
    return {
      projects: (await this.projectsTotal.textContent()) ?? '',
      signed: (await this.signedTotal.textContent()) ?? '',
    };
  }

  get signedTotal(): Locator {
    return this.main.getByTestId('hometown-total-signed');
  }

  get projectsTotal(): Locator {
    return this.main.getByTestId('hometown-total-projects');
  }

  /** 登记项目 on the projects page: the drawer filled and saved; the project's page opens. */
  async enterProject(p: {
    name: string;
    county: string;
    industry: string;
    signedWan: string;
    orgName: string;
  }) {
    await this.page.goto('/hometown/projects');
    await expect(this.main.getByRole('heading', { name: '引进项目', level: 2 })).toBeVisible();
    await this.main.getByRole('button', { name: '登记项目' }).click();
    const drawer = this.page.getByRole('dialog', { name: '登记项目' });
    await expect(drawer).toBeVisible();
    await drawer.getByLabel('项目名称').fill(p.name);
    await this.pick(drawer.getByRole('combobox', { name: '县区' }), p.county);
    await drawer.getByLabel('行业').fill(p.industry);
    await drawer.getByLabel('签约投资额（万元）').fill(p.signedWan);
    await pickOrg(drawer, '填报组织', p.orgName);
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(drawer).toBeHidden();
    await expect(this.main.getByRole('heading', { level: 2 })).toContainText(p.name);
  }

  /** Picks an option of a searchable select by its label. */
  private async pick(select: Locator, label: string): Promise<void> {
    await select.click();
    await select.fill(label);
    await this.page.locator('.ant-select-item-option').filter({ hasText: label }).first().click();
  }
}
