import { expect, type Locator } from '@playwright/test';

/**
 * Picks an option of an antd select (or tree select) inside a form by its title. A pick made while
 * the dropdown is still opening can be lost: pick again until the form shows the value.
 */
export async function pickOption(
  form: Locator,
  field: string,
  title: string,
  opts: { tree?: boolean; search?: boolean } = {},
): Promise<void> {
  const page = form.page();
  const box = form.getByRole('combobox', { name: field });
  const option = opts.tree ? '.ant-select-tree-node-content-wrapper' : '.ant-select-item-option';
  await expect(async () => {
    await box.click();
    if (opts.search) await box.fill(title);
    await page
      .locator(`.ant-select-dropdown:visible ${option}[title="${title}"]`)
      .first()
      .click({ timeout: 3_000 });
    await expect(form.locator(`[title="${title}"]`).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/** Picks an org in a form's org tree select, typing its name to find it. */
export const pickOrg = (form: Locator, field: string, orgName: string) =>
  pickOption(form, field, orgName, { tree: true, search: true });
