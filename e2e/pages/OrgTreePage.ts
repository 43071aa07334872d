import { expect, type Locator, type Page } from '@playwright/test';

/** 组织架构: the committee tree, the selected org's details and the 新增下级 drawer. */
export class OrgTreePage {
  readonly tree: Locator;
  readonly treeItems: Locator;
  readonly search: Locator;
  /** The selected org's name, at the top of its details. */
  readonly detailTitle: Locator;
  readonly detail: Locator;
  readonly addChildButton: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.tree = main.getByRole('tree');
    this.treeItems = this.tree.getByRole('treeitem');
    this.search = main.getByRole('textbox', { name: '搜索组织名称' });
    // Named: while loading, antd's skeletons draw empty h3 elements.
    this.detailTitle = main.getByRole('heading', { level: 3, name: /\S/ });
    this.detail = main;
    this.addChildButton = main.getByRole('button', { name: '新增下级', exact: true });
  }

  /** Opens the page, on one org when its id is given, and waits for the tree. */
  async goto(orgId?: number): Promise<void> {
    await this.page.goto(orgId === undefined ? '/orgs' : `/orgs?org=${orgId}`);
    await expect(this.tree).toBeVisible();
  }

  treeItem(name: string): Locator {
    return this.tree.getByRole('treeitem', { name, exact: true });
  }

  async select(name: string): Promise<void> {
    await this.treeItem(name).click();
    await expect(this.detailTitle).toHaveText(name);
  }

  /** The names of the tree's visible nodes, in order. */
  async visibleNames(): Promise<string[]> {
    return (await this.treeItems.allInnerTexts()).map((t) => t.trim());
  }

  /** The breadcrumb link to an ancestor of the selected org. */
  ancestorLink(name: string): Locator {
    return this.detail.getByRole('link', { name, exact: true });
  }

  /** One fact of the selected org (组织类别, 下级组织 …): its cell, named "label : value". */
  fact(label: string): Locator {
    return this.detail.getByRole('cell', { name: new RegExp(`^${label}\\W`) });
  }

  /** Adds a child of the selected org through the 新增下级 drawer, of the kind it offers first. */
  async addChild(name: string, kindLabel: string): Promise<void> {
    const parent = (await this.detailTitle.textContent()) ?? '';
    await this.addChildButton.click();
    const drawer = this.page.getByRole('dialog', { name: `新增下级组织 · ${parent}` });
    await expect(drawer).toBeVisible();
    await drawer.getByRole('textbox', { name: '组织名称' }).fill(name);
    await expect(drawer.getByText(kindLabel, { exact: true })).toBeVisible();
    await drawer.getByRole('button', { name: '保存', exact: true }).click();
    await expect(drawer).toBeHidden();
  }
}
