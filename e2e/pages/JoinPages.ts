import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The answers of the picture challenges the page fetched: the test server runs with
 * CHALLENGE_TEST_ANSWERS=true, which sends each answer in a response header.
 */
export class ChallengeAnswers {
  private latest: string | null = null;
  constructor(page: Page) {
    page.on('response', (response) => {
      if (!response.url().endsWith('/api/v1/public/challenge')) return;
      const answer = response.headers()['x-test-challenge-answer'];
      if (answer) this.latest = answer;
    });
  }
  async current(): Promise<string> {
    await expect.poll(() => this.latest).not.toBeNull();
    return this.latest!;
  }
}

/** An antd Select, by its label: opens it and picks the option with the text. */
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label).click();
  await page.getByLabel(label).fill(option);
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

/** 党员找组织 · 报到登记: the public registration page. */
export class JoinPage {
  readonly heading: Locator;
  readonly submit: Locator;
  readonly submitted: Locator;
  readonly challenge: ChallengeAnswers;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.submit = page.getByRole('button', { name: /提交登记/ });
    this.submitted = page.getByText('登记已提交', { exact: true });
    this.challenge = new ChallengeAnswers(page);
  }

  async goto() {
    await this.page.goto('/join');
    await expect(this.heading).toHaveText('党员找组织 · 报到登记');
  }

  async fill(p: {
    name: string;
    idNumber: string;
    phone: string;
    homeCounty: string;
    homeOrg: string;
    joinedAt: string;
    hostDistrict: string;
    hostAddress: string;
    employer: string;
  }) {
    const page = this.page;
    await page.getByLabel('姓名').fill(p.name);
    await page.getByLabel('身份证号').fill(p.idNumber);
    await page.getByLabel('手机号').fill(p.phone);
    await choose(page, '户籍所在县（区）（张家口市）', p.homeCounty);
    await page.getByLabel('原所在党组织').fill(p.homeOrg);
    await page.getByLabel('入党日期').fill(p.joinedAt);
    await page.getByLabel('入党日期').press('Enter');
    await choose(page, '在京居住区（北京市）', p.hostDistrict);
    await page.getByLabel('在京居住地址').fill(p.hostAddress);
    await page.getByLabel('工作单位').fill(p.employer);
    await page.getByRole('checkbox', { name: /我已阅读并同意/ }).check();
    await page.getByRole('textbox', { name: '验证码' }).fill(await this.challenge.current());
  }
}

/** 查询报到审核进度: the public status page. */
export class JoinStatusPage {
  readonly challenge: ChallengeAnswers;
  constructor(readonly page: Page) {
    this.challenge = new ChallengeAnswers(page);
  }

  async check(idNumber: string, phone: string) {
    await this.page.getByLabel('身份证号').fill(idNumber);
    await this.page.getByLabel('手机号').fill(phone);
    await this.page.getByRole('textbox', { name: '验证码' }).fill(await this.challenge.current());
    await this.page.getByRole('button', { name: /^查\s*询$/ }).click();
  }
}

/** 登记审核: the review queue and a registration's drawer. */
export class RegistrationsPage {
  readonly heading: Locator;
  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '登记审核' });
  }

  async goto() {
    await this.page.goto('/registrations');
    await expect(this.heading).toBeVisible();
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ hasText: name });
  }

  /** Opens the registration and accepts it into the branch with a first password. */
  async accept(name: string, branch: string, password: string) {
    await this.row(name)
      .getByRole('button', { name: /审\s*核/ })
      .click();
    const drawer = this.page.getByRole('dialog').filter({ hasText: name });
    await drawer.getByRole('button', { name: /^接\s*收$/ }).click();
    const modal = this.page.getByRole('dialog').filter({ hasText: `接收 ${name}` });
    await modal.getByLabel('编入支部').click();
    await modal.getByLabel('编入支部').fill(branch);
    await this.page
      .locator('.ant-select-tree-node-content-wrapper')
      .filter({ hasText: branch })
      .first()
      .click();
    await modal.getByLabel('登录初始密码').fill(password);
    await modal.getByRole('button', { name: /^接\s*收$/ }).click();
    await expect(this.page.getByText('已接收，已建立党员档案并开通登录账户')).toBeVisible();
  }
}
