import { expect, type Locator, type Page } from '@playwright/test';
import { pickOrg } from './pickers';

/** 培训班与学习考察: the list and the class drawer. */
export class TrainingsPage {
  readonly heading: Locator;
  readonly createButton: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '培训班与学习考察', level: 2 });
    this.createButton = main.getByRole('button', { name: '新建培训班' });
    this.drawer = page.getByRole('dialog', { name: '新建培训班' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/trainings');
    await expect(this.heading).toBeVisible();
  }

  /** Fills the drawer (organizer picked in the tree by name) and saves; the detail page opens. */
  async create(c: {
    title: string;
    orgName: string;
    startsOn: string;
    endsOn: string;
    quota: number;
  }): Promise<TrainingDetailPage> {
    await this.createButton.click();
    await expect(this.drawer).toBeVisible();
    await this.drawer.getByLabel('名称').fill(c.title);
    await pickOrg(this.drawer, '主办组织', c.orgName);
    await this.drawer.getByLabel('开始日期').fill(c.startsOn);
    await this.drawer.getByLabel('结束日期').fill(c.endsOn);
    await this.drawer.getByLabel('名额').fill(String(c.quota));
    await this.drawer.getByRole('button', { name: '保存' }).click();
    await expect(this.drawer).toBeHidden();
    const detail = new TrainingDetailPage(this.page);
    await expect(detail.heading).toContainText(c.title);
    return detail;
  }
}

/** One class: its state buttons, counts and the enrolment list. */
export class TrainingDetailPage {
  readonly heading: Locator;
  readonly counts: Locator;
  readonly enrolments: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 2 });
    this.counts = main.getByTestId('training-counts');
    this.enrolments = main.getByRole('tabpanel').getByRole('table');
  }

  async openEnrolment(): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: '开始报名' }).click();
    await expect(this.heading).toContainText('报名中');
  }

  /** 推荐学员: each member searched by name and picked, then submitted. */
  async nominate(names: string[]): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: '推荐学员' }).click();
    const dialog = this.page.getByRole('dialog', { name: /推荐学员/ });
    const picker = dialog.getByRole('combobox', { name: '党员' });
    for (const name of names) {
      await picker.click();
      await picker.fill(name);
      await this.page
        .locator('.ant-select-item-option')
        .filter({ hasText: `${name} · ` })
        .first()
        .click();
    }
    await dialog.getByRole('button', { name: '推荐学员' }).click();
    await expect(dialog).toBeHidden();
  }

  row(name: string): Locator {
    return this.enrolments.getByRole('row').filter({ hasText: name });
  }
}

/** 我的培训 on a member's phone. */
export class MyTrainingsPage {
  readonly heading: Locator;
  readonly open: Locator;
  readonly enrolments: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '我的培训', level: 2 });
    this.open = main.locator('.ant-card').filter({ hasText: '可报名的培训' });
    this.enrolments = main.locator('.ant-card').filter({ hasText: '我的报名' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/my-trainings');
    await expect(this.heading).toBeVisible();
  }

  /** Applies to a class listed as open to the member. */
  async apply(title: string): Promise<void> {
    await this.open.getByRole('listitem', { name: title }).getByRole('button', { name: '报名' }).click();
  }

  enrolment(title: string): Locator {
    return this.enrolments.getByRole('listitem', { name: title });
  }
}
