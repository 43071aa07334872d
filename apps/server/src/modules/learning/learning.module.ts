import { forbidden, notFound } from '../../lib/errors';
import { defineModule, mount } from '../../lib/modules';
import { permissionsOf } from '../../policy/policy';
import { createCoursesAccess } from './courses/courses.access';
import { coursesRepository } from './courses/courses.repository';
import { coursesRoutes } from './courses/courses.routes';
import { createCoursesSeed } from './courses/courses.seed';
import { type CoursesService, createCoursesService } from './courses/courses.service';
import { type CourseStudyService, createCourseStudyService } from './courses/courses.study';
import { courseStudyRoutes } from './courses/courses.study.routes';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    learning: {
      courses: CoursesService;
      /** A member's own courses: the list, the player, heartbeats, the quiz. */
      study: CourseStudyService;
      /** The demo's lecture series and a year of completions. */
      seed: () => Promise<{ courses: number; completions: number }>;
    };
  }
}

/** The online lecture hall (网上流动大讲堂): courses in series, each member's progress, study hours. */
export const learningModule = defineModule({
  name: 'learning',
  needs: ['orgs', 'users', 'members', 'notices', 'activity', 'files'],
  build({ db }, { orgs, users, members, notices, activity, files }) {
    // Courses are managed over the publishing org's subtree (course.manage); a member sees the
    // published courses addressed to them; completion is decided by the server from heartbeats.
    const access = createCoursesAccess({
      db,
      orgs: orgs.tree,
      positions: orgs.positions,
      members: members.record,
      users,
      activity,
      inbox: notices.inbox,
      files,
    });
    const courses = createCoursesService(access);
    const study = createCourseStudyService(access);
    return {
      courses,
      study,
      seed: createCoursesSeed({ db, users, orgs: orgs.tree, courses, files, activity }),
    };
  },
  routes: ({ courses, study }) => [
    mount('/courses', courseStudyRoutes, { study }),
    mount('/courses', coursesRoutes, { courses }),
  ],
  seed:
    ({ seed }) =>
    async () => {
      await seed();
    },
  contributes: ({ courses, study }) => ({
    'files.owners': [
      {
        type: 'course',
        auditDownloads: false,
        // Managers read and write a course's files over their subtree; a member reads those of a
        // course addressed to them.
        async authorize(executor, actor, id, access) {
          if (permissionsOf(actor).includes('course.manage')) {
            try {
              return { label: await courses.managedTitle(executor, actor, id) };
            } catch (err) {
              if (access === 'write' || !actor.memberId) throw err;
            }
          }
          if (!actor.memberId || !permissionsOf(actor).includes('member.self')) throw notFound('课程');
          const row = await study.addressedTo(executor, actor.memberId, id);
          if (!row) throw notFound('课程');
          // The member who may read the course's files is told they may not change them.
          if (access === 'write') throw forbidden();
          return { label: row.title };
        },
      },
    ],
  }),
  subscribe(_services, events) {
    events.subscribe('org.subtree_moved', (tx, { oldPath, newPath }) =>
      coursesRepository.rewriteOrgPaths(tx, oldPath, newPath),
    );
  },
});
