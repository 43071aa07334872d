import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** The online lecture hall: course admin at the desk, a member's courses and the player on the phone. */
export const learningFeature = defineFeature({
  name: 'learning',
  routes: [
    {
      path: 'courses',
      page: lazyNamed(() => import('./pages/CoursesPage'), 'CoursesPage'),
      permission: 'course.manage',
    },
    {
      path: 'learn',
      page: lazyNamed(() => import('./pages/MyCoursesPage'), 'MyCoursesPage'),
      permission: 'member.self',
      plain: true,
    },
    {
      path: 'learn/courses/:id',
      page: lazyNamed(() => import('./pages/CoursePlayerPage'), 'CoursePlayerPage'),
      permission: 'member.self',
      plain: true,
    },
  ],
  menu: [
    {
      path: '/courses',
      labelKey: 'nav.courses',
      icon: 'BookOutlined',
      group: 'learning',
      permission: 'course.manage',
    },
    {
      path: '/learn',
      labelKey: 'nav.learn',
      icon: 'PlayCircleOutlined',
      group: 'learning',
      permission: 'member.self',
    },
  ],
  portal: [
    {
      key: 'courses',
      order: 20,
      tile: lazyNamed(() => import('./portal/CoursesCard'), 'CoursesCard'),
      permission: 'member.self',
    },
  ],
});
