import { expect, type Locator, type Page } from '@playwright/test';

/** A file as the browser's file chooser hands it over. */
export interface PickedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The files of one member's page: the photo beside the name, and the 材料 tab. */
export class MemberFiles {
  /** The photo as an image, named for the member. */
  readonly photo: Locator;
  /** The place of the photo while the member has none. */
  readonly noPhoto: Locator;
  readonly uploadPhotoButton: Locator;
  readonly replacePhotoButton: Locator;
  readonly papersTab: Locator;
  readonly papersPanel: Locator;
  readonly paperKind: Locator;
  readonly uploadPaperButton: Locator;
  /** The listed papers. */
  readonly papers: Locator;

  constructor(
    readonly page: Page,
    memberName: string,
  ) {
    const main = page.getByRole('main');
    this.photo = main.getByRole('img', { name: `${memberName}的照片` });
    this.noPhoto = main.getByRole('img', { name: '暂无照片' });
    this.uploadPhotoButton = main.getByRole('button', { name: '上传照片' });
    this.replacePhotoButton = main.getByRole('button', { name: '更换照片' });
    this.papersTab = main.getByRole('tab', { name: '材料' });
    this.papersPanel = main.getByRole('tabpanel', { name: '材料' });
    this.paperKind = this.papersPanel.getByRole('combobox', { name: '材料类型' });
    this.uploadPaperButton = this.papersPanel.getByRole('button', { name: '上传材料' });
    this.papers = this.papersPanel.locator('.nx-file-list .ant-list-item');
  }

  /** Chooses the file in the file chooser that the button opens. */
  private async choose(button: Locator, file: PickedFile): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await button.click();
    await (await chooser).setFiles(file);
  }

  /** Uploads a photo (上传照片, or 更换照片 when there is one) and waits until it is shown. */
  async uploadPhoto(file: PickedFile): Promise<void> {
    const button = this.uploadPhotoButton.or(this.replacePhotoButton);
    await this.choose(button, file);
    await expect(this.page.getByText('照片已更新')).toBeVisible();
  }

  /** Whether the photo is an image the browser could decode, and how wide it drew it. */
  async photoRendered(): Promise<{ naturalWidth: number; width: number }> {
    await expect(this.photo).toBeVisible();
    return this.photo.evaluate(async (el) => {
      const img = el as HTMLImageElement;
      await img.decode().catch(() => undefined);
      return { naturalWidth: img.naturalWidth, width: img.getBoundingClientRect().width };
    });
  }

  async openPapers(): Promise<void> {
    await this.papersTab.click();
    await expect(this.papersTab).toHaveAttribute('aria-selected', 'true');
  }

  /** Uploads a paper of the kind (证明材料, 附件) and waits for it in the list. */
  async uploadPaper(kind: string, file: PickedFile): Promise<void> {
    await this.paperKind.click();
    await this.page.locator(`.ant-select-item-option[title="${kind}"]`).click();
    await this.choose(this.uploadPaperButton, file);
    await expect(this.paper(file.name)).toBeVisible();
  }

  paper(name: string): Locator {
    return this.papers.filter({ hasText: name });
  }

  async deletePaper(name: string): Promise<void> {
    await this.papersPanel.getByRole('button', { name: `删除 ${name}` }).click();
    await this.page.getByRole('tooltip').getByRole('button', { name: '删除', exact: true }).click();
    await expect(this.paper(name)).toHaveCount(0);
  }
}
