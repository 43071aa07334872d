import { expect, type Locator, type Page } from '@playwright/test';
import { pickOrg } from './pickers';

/** 我负责的点位: the post leader's phone page, today's shifts at their posts with the rosters. */
export class LeaderPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: /我负责的点位/ });
  }

  async goto(): Promise<void> {
    await this.page.goto('/volunteer/leading');
    await expect(this.heading).toBeVisible();
  }

  /** Today's shift at the named post. */
  shift(post: string): Locator {
    return this.page.getByTestId('leader-shift').filter({ hasText: post });
  }

  /** A volunteer's row on the shift. */
  place(post: string, name: string): Locator {
    return this.shift(post).getByTestId('leader-place').filter({ hasText: name });
  }

  /** The names on the shift's roster, in order. */
  async names(post: string): Promise<string[]> {
    const rows = this.shift(post).getByTestId('leader-place');
    return (await rows.locator('strong').allTextContents()).map((s) => s.trim());
  }

  async act(post: string, name: string, action: '签到' | '签退' | '接收' | '未到岗'): Promise<void> {
    await this.place(post, name).getByRole('button', { name: action }).click();
  }

  /** Reports an incident at the post (kind as preset: 发现隐患), with what happened. */
  async reportIncident(post: string, description: string): Promise<void> {
    await this.shift(post).getByRole('button', { name: '登记情况' }).click();
    const dialog = this.page.getByRole('dialog', { name: '登记情况' });
    await dialog.getByLabel('情况说明').fill(description);
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens the post's QR code and returns the link it encodes. */
  async codeLink(post: string): Promise<string> {
    await this.shift(post).getByRole('button', { name: '出示签到码' }).click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog.getByTestId('post-code').locator('svg').first()).toBeVisible();
    const href = await dialog.getByTestId('post-code-link').getAttribute('href');
    await dialog.getByRole('button', { name: 'Close' }).or(dialog.getByLabel('Close')).first().click();
    return href!;
  }
}

/** 我的志愿服务: a member's shifts and the campaigns open to them, on a phone. */
export class MyVolunteerPage {
  readonly myShifts: Locator;

  constructor(readonly page: Page) {
    this.myShifts = page.getByRole('list', { name: '我的班次' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/volunteer/mine');
    await expect(this.page.getByRole('heading', { name: '可报名的活动' })).toBeVisible();
  }

  /** The shifts of an open campaign that can still be signed up for (not started, not full). */
  openShifts(campaign: string): Locator {
    return this.page
      .getByRole('list', { name: campaign })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('button', { name: '报名', exact: true, disabled: false }) });
  }

  async signUp(shift: Locator): Promise<void> {
    await shift.getByRole('button', { name: '报名', exact: true }).click();
    await expect(this.page.getByRole('status').getByText('报名成功')).toBeVisible();
  }

  /** Withdraws from one of my shifts, confirming in the sheet that asks. */
  async withdraw(name: string): Promise<void> {
    await this.myShifts.getByRole('listitem', { name }).getByRole('button', { name: '取消报名' }).click();
    const sheet = this.page.getByRole('dialog', { name: '确定取消报名？' });
    await sheet.getByRole('button', { name: '确定' }).click();
    await expect(this.page.getByRole('status').getByText('已取消报名')).toBeVisible();
    await expect(sheet).toBeHidden();
  }
}

/** A campaign's board at desk or phone size: its figures. */
export class CampaignBoard {
  constructor(readonly page: Page) {}

  async open(title: string): Promise<void> {
    await this.page.goto('/volunteer/campaigns');
    await this.page.getByRole('link', { name: title }).click();
    await expect(this.page.getByRole('heading', { name: title })).toBeVisible();
    await this.page.getByRole('tab', { name: '活动看板' }).click();
  }

  figure(key: 'volunteers' | 'days' | 'shifts' | 'checkedOut' | 'hours' | 'served'): Locator {
    return this.page.getByTestId(`board-${key}`).locator('.ant-statistic-content-value');
  }

  async number(key: 'checkedOut' | 'hours' | 'served'): Promise<number> {
    await expect(this.figure(key)).toBeVisible();
    return Number((await this.figure(key).textContent())!.replace(/,/g, ''));
  }
}

/** 志愿服务活动 at desk size: create a campaign, its posts, and edit both. */
export class CampaignsDesk {
  constructor(readonly page: Page) {}

  private get drawer(): Locator {
    return this.page.getByRole('dialog', { name: /新建活动|编辑活动/ });
  }

  /** Creates a campaign of the org with a co-organizer; its page opens. */
  async create(c: { title: string; orgName: string; coOrgName: string; startsOn: string; endsOn: string }) {
    await this.page.goto('/volunteer/campaigns');
    await this.page.getByRole('main').getByRole('button', { name: '新建活动' }).click();
    await expect(this.drawer).toBeVisible();
    await this.drawer.getByLabel('活动名称').fill(c.title);
    await pickOrg(this.drawer, '主办组织', c.orgName);
    await pickOrg(this.drawer, '协办组织', c.coOrgName);
    await this.drawer.getByLabel('开始日期').fill(c.startsOn);
    await this.drawer.getByLabel('结束日期').fill(c.endsOn);
    await this.drawer.getByRole('button', { name: '保存' }).click();
    await expect(this.drawer).toBeHidden();
    await expect(this.page.getByRole('heading', { name: c.title })).toBeVisible();
  }

  /** Renames the open campaign through 编辑活动. */
  async rename(title: string): Promise<void> {
    await this.page.getByRole('button', { name: '编辑活动' }).click();
    await expect(this.drawer).toBeVisible();
    await this.drawer.getByLabel('活动名称').fill(title);
    await this.drawer.getByRole('button', { name: '保存' }).click();
    await expect(this.drawer).toBeHidden();
    await expect(this.page.getByRole('heading', { name: title })).toBeVisible();
  }

  /** Adds a post (name, headcount per shift) to the open campaign. */
  async addPost(name: string, headcount: number): Promise<void> {
    await this.page.getByRole('button', { name: '新增点位' }).click();
    const dialog = this.page.getByRole('dialog', { name: '新增点位' });
    await dialog.getByLabel('点位', { exact: true }).fill(name);
    await dialog.getByLabel('每班人数').fill(String(headcount));
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect(dialog).toBeHidden();
  }

  /** Changes a post's headcount through its 编辑 button. */
  async editPostHeadcount(name: string, headcount: number): Promise<void> {
    await this.page.getByRole('button', { name: `编辑点位 ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: '编辑点位' });
    await expect(dialog.getByLabel('点位', { exact: true })).toHaveValue(name);
    await dialog.getByLabel('每班人数').fill(String(headcount));
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect(dialog).toBeHidden();
  }

  postRow(name: string): Locator {
    return this.page.getByRole('row').filter({ hasText: name });
  }
}
