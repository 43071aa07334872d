import { expect, type Locator, type Page } from '@playwright/test';

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
    await this.page.getByRole('main').locator('.ant-segmented-item').filter({ hasText: name }).click();
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
