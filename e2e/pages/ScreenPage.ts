import { expect, type Locator, type Page } from '@playwright/test';

/** 数据大屏: the scaled canvas, its counters and the two maps (SVG, their labels as text). */
export class ScreenPage {
  readonly canvas: Locator;
  readonly message: Locator;
  readonly beijingMap: Locator;
  readonly zhangjiakouMap: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId('screen');
    this.message = page.getByTestId('screen-message');
    this.beijingMap = page.getByRole('region', { name: '党员在京分布（流入地）' });
    this.zhangjiakouMap = page.getByRole('region', { name: '党员家乡分布（流出地）' });
  }

  async goto(url = '/screen'): Promise<void> {
    await this.page.goto(url);
    await expect(this.canvas).toBeVisible();
    await expect(this.beijingMap.locator('svg text').first()).toBeVisible();
  }

  /** From the workbench through the menu: the screen is a page of its own, loaded as a whole. */
  async openFromMenu(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('navigation').getByRole('menuitem', { name: '数据大屏', exact: true }).click();
    await expect(this.page).toHaveURL(/\/screen$/);
    await expect(this.canvas).toBeVisible();
    await expect(this.beijingMap.locator('svg text').first()).toBeVisible();
  }

  counterValue(key: string): Locator {
    return this.page.getByTestId(`screen-counter-${key}-value`);
  }

  counterLabel(text: string): Locator {
    return this.canvas.getByText(text, { exact: true });
  }

  /** The map's label of an area: its name, then its number, drawn as SVG text. */
  areaLabel(map: Locator, name: string): Locator {
    return map.locator('svg text').filter({ hasText: name });
  }

  async areaNumber(map: Locator, name: string): Promise<string> {
    const texts = await map.locator('svg text').allTextContents();
    const at = texts.findIndex((t) => t.trim() === name);
    if (at >= 0) return (texts[at + 1] ?? '').trim();
    const joined = texts.find((t) => t.startsWith(name));
    return joined ? joined.slice(name.length).trim() : '';
  }
}

/** 大屏链接: issue a kiosk link (its URL shown once), revoke it. */
export class ScreenLinksPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { name: '数据大屏链接', level: 2 });
  }

  async goto(): Promise<void> {
    await this.page.goto('/screen-links');
    await expect(this.heading).toBeVisible();
  }

  /** Issues a link for the place and answers its URL. */
  async issue(label: string): Promise<string> {
    await this.page.getByRole('main').getByRole('button', { name: '发放链接' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('放置位置').fill(label);
    await dialog.getByRole('button', { name: '发放链接' }).click();
    const link = dialog.getByTestId('screen-link');
    await expect(link).toContainText('/screen#t=');
    const url = ((await link.textContent()) ?? '').trim();
    await dialog.getByRole('button', { name: '完成' }).click();
    await expect(dialog).toBeHidden();
    return url;
  }

  async revoke(label: string): Promise<void> {
    const row = this.page.getByRole('row').filter({ hasText: label });
    await row.getByRole('button', { name: '作废' }).click();
    await this.page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s?定|OK/ })
      .click();
    await expect(row.getByText('已作废')).toBeVisible();
  }
}
