import { expect, type Locator, type Page } from '@playwright/test';

/** 会议活动: the list and its create drawer. */
export class MeetingsPage {
  readonly heading: Locator;
  readonly createButton: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '会议活动', level: 2 });
    this.createButton = main.getByRole('button', { name: '新建会议' });
    this.drawer = page.getByRole('dialog', { name: '新建会议' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/meetings');
    await expect(this.heading).toBeVisible();
  }

  /** Narrows the list to one type of meeting (主题党日 …). */
  async filterByType(type: string): Promise<void> {
    await this.page.getByRole('main').getByRole('combobox', { name: '类型' }).click();
    await this.page
      .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${type}"]`)
      .click({ timeout: 3_000 });
  }

  /** Opens the drawer, picks the org in the tree select by name, the type and the topic, saves. */
  async create(meeting: { orgName: string; type: string; topic: string }): Promise<void> {
    await this.createButton.click();
    await expect(this.drawer).toBeVisible();
    const org = this.drawer.getByRole('combobox', { name: '召开组织' });
    // A pick made while the dropdown is still opening can be lost: pick again until the field shows it.
    await expect(async () => {
      await org.click();
      await org.fill(meeting.orgName);
      await this.page
        .locator(
          `.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="${meeting.orgName}"]`,
        )
        .first()
        .click({ timeout: 3_000 });
      await expect(this.drawer.locator(`[title="${meeting.orgName}"]`).first()).toBeVisible({
        timeout: 2_000,
      });
    }).toPass({ timeout: 20_000 });
    await expect(async () => {
      await this.drawer.getByRole('combobox', { name: '会议类型' }).click();
      await this.page
        .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${meeting.type}"]`)
        .click({ timeout: 3_000 });
      await expect(this.drawer.locator(`[title="${meeting.type}"]`).first()).toBeVisible({
        timeout: 2_000,
      });
    }).toPass({ timeout: 20_000 });
    await this.drawer.getByLabel('议题').fill(meeting.topic);
    await this.drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect(this.drawer).toBeHidden();
  }
}

/** A meeting's page: its heading, counts, the sign-in QR. */
export class MeetingPage {
  readonly heading: Locator;
  readonly counts: Locator;
  readonly showCode: Locator;
  readonly code: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 2 });
    this.counts = main.getByTestId('meeting-counts');
    this.showCode = main.getByRole('button', { name: '签到二维码' });
    this.code = main.getByTestId('sign-in-code');
  }
}

/** The page a sign-in QR opens on the phone: the outcome and the event, or the refusal. */
export class SignInPage {
  readonly outcome: Locator;
  readonly refusal: Locator;

  constructor(readonly page: Page) {
    this.outcome = page.getByTestId('sign-in-outcome');
    this.refusal = page.getByTestId('sign-in-message');
  }

  async open(path: string): Promise<void> {
    await this.page.goto(path);
  }
}
