/** The demo's lecture hall: the 学习二十大精神 series and a year of completions. */
import type { Db } from '../../../db/client';
import type { OrgsService } from '../../orgs/orgs.service';
import type { UsersService } from '../../users/users.service';
import type { CoursesService } from './courses.service';
import type { CourseStudyService } from './courses.study';

export interface CoursesSeedDeps {
  db: Db;
  users: UsersService;
  orgs: OrgsService;
  courses: CoursesService;
  study: CourseStudyService;
}

export function createCoursesSeed(_deps: CoursesSeedDeps) {
  return async () => ({ courses: 0, completions: 0 });
}
