import type { EnrolmentStatus, TrainingState } from '@ningxin/shared';

/** Tag colours of a class's state and of an enrolment's status. */
export const STATE_COLORS: Record<TrainingState, string> = {
  draft: 'default',
  open: 'green',
  closed: 'orange',
  finished: 'blue',
  cancelled: 'red',
};

export const ENROLMENT_COLORS: Record<EnrolmentStatus, string> = {
  enrolled: 'green',
  waitlisted: 'orange',
  withdrawn: 'default',
  completed: 'blue',
  rejected: 'red',
};
