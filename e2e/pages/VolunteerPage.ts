import { expect, type Locator, type Page } from '@playwright/test';

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
