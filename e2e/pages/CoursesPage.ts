import { expect, type Locator, type Page } from '@playwright/test';
import { pickOrg } from './pickers';

/** 学习课程 (phone): the member's courses by tab. */
export class MyCoursesPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { name: '学习课程', level: 2 });
  }

  async goto(): Promise<void> {
    await this.page.goto('/learn');
    await expect(this.heading).toBeVisible();
  }

  /** Shows a tab: 必修, 选修 or 已完成 (each labelled with its count). */
  async tab(name: '必修' | '选修' | '已完成'): Promise<void> {
    await this.page
      .getByRole('main')
      .getByRole('radio', { name: new RegExp(`^${name} \\d+$`) })
      .click();
  }

  course(title: string): Locator {
    return this.page.getByRole('main').getByRole('listitem', { name: title });
  }

  async open(title: string): Promise<CoursePlayer> {
    await this.course(title).getByRole('link', { name: title }).click();
    const player = new CoursePlayer(this.page);
    await expect(player.page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
    return player;
  }
}

/** The course player: the video, the progress card. */
export class CoursePlayer {
  readonly video: Locator;
  readonly progress: Locator;
  readonly completed: Locator;

  constructor(readonly page: Page) {
    this.video = page.getByTestId('course-video');
    this.progress = page.getByTestId('course-progress');
    this.completed = page.getByTestId('course-completed');
  }

  /** Plays the video at normal speed (muted, as a phone's autoplay allows). */
  async play(): Promise<void> {
    await expect(this.video).toBeVisible();
    await this.video.evaluate(async (v: HTMLVideoElement) => {
      v.muted = true;
      await v.play();
    });
  }
}

/** 课程管理 (desk): the table and the course drawer. */
export class CourseAdminPage {
  readonly heading: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '课程管理', level: 2 });
    this.drawer = page.getByRole('dialog', { name: '新建课程' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/courses');
    await expect(this.heading).toBeVisible();
  }

  row(title: string): Locator {
    return this.page.getByRole('main').getByRole('row').filter({ hasText: title });
  }

  /** Creates a required article course published by the org (picked in the tree by name). */
  async createArticle(c: { title: string; orgName: string; text: string }): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: '新建课程' }).click();
    await expect(this.drawer).toBeVisible();
    await this.drawer.getByLabel('课程名称').fill(c.title);
    await pickOrg(this.drawer, '发布组织', c.orgName);
    await this.drawer.locator('[contenteditable="true"]').fill(c.text);
    await this.drawer.getByRole('switch', { name: '必修课程' }).click();
    await this.drawer.getByLabel('学习时长（分钟）').fill('1');
    await this.drawer.getByLabel('学时').fill('1');
    await this.drawer.getByRole('button', { name: '保存' }).click();
    await expect(this.drawer).toBeHidden();
  }
}
