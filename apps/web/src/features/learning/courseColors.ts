import type { CourseState } from '@ningxin/shared';

/** Tag colours of a course's state. */
export const COURSE_STATE_COLORS: Record<CourseState, string> = {
  draft: 'default',
  published: 'green',
  withdrawn: 'orange',
};
