import { expect, type Locator, type Page } from '@playwright/test';
import { pickOption, pickOrg } from './pickers';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
}

/** 账户管理: accounts (system admin) and their role assignments (security admin). */
export class UsersPage {
  readonly heading: Locator;
  readonly createButton: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '账户管理', level: 2 });
    this.createButton = main.getByRole('button', { name: '新建账户', exact: true });
    this.table = main.getByRole('table');
  }

  async goto(): Promise<void> {
    await this.page.goto('/users');
    await expect(this.heading).toBeVisible();
    await expect(this.table.getByRole('cell', { name: 'admin', exact: true })).toBeVisible();
  }

  /** The account's row, found by its username cell. */
  row(username: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: username, exact: true }) });
  }

  async create(user: NewUser): Promise<void> {
    await this.createButton.click();
    const drawer = this.page.getByRole('dialog', { name: '新建账户' });
    await drawer.getByRole('textbox', { name: '用户名' }).fill(user.username);
    await drawer.getByRole('textbox', { name: '姓名' }).fill(user.displayName);
    await drawer.getByLabel('初始密码').fill(user.password);
    await drawer.getByRole('button', { name: '保存', exact: true }).click();
    await expect(drawer).toBeHidden();
  }

  /** 授予角色 with an org subtree as the scope, the org picked in the tree select by name. */
  async assignOrgRole(username: string, role: string, orgName: string): Promise<void> {
    await this.row(username).getByRole('button', { name: '授予角色', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: /授予角色/ });
    await pickOption(dialog, '角色', role);
    await expect(dialog.getByText('组织及下级', { exact: true })).toBeVisible();
    await pickOrg(dialog, '组织', orgName);
    await dialog.getByRole('button', { name: '确定', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
