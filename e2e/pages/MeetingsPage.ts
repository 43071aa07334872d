import { expect, type Locator, type Page } from '@playwright/test';
import { pickOption, pickOrg } from './pickers';

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
    await pickOrg(this.drawer, '召开组织', meeting.orgName);
    await pickOption(this.drawer, '会议类型', meeting.type);
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
