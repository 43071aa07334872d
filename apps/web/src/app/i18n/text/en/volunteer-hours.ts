/** The `volunteerHours` texts (自主志愿服务) in English, loaded only when English is chosen. */
import type { volunteerHoursText } from '../volunteer-hours';

export const volunteerHoursTextEn: typeof volunteerHoursText = {
  mine: {
    title: 'My volunteering',
    report: 'Report hours',
    reports: 'My reports',
    empty: 'No self-reported volunteering yet',
    withdraw: 'Withdraw',
    withdrawConfirm: 'Withdraw this report awaiting review?',
    withdrawn: 'Withdrawn',
    reason: 'Not approved: {{reason}}',
    decidedBy: 'Reviewed by {{name}}',
  },
  summary: {
    year: 'Volunteering in {{year}}',
    hours: '{{hours}} h',
    pending: '{{hours}} h awaiting review',
    none: 'No volunteer hours this year yet',
  },
  form: {
    title: 'Report volunteer hours',
    servedOn: 'Day served',
    hours: 'Hours',
    hoursHelp: 'Within one day, at most one decimal',
    description: 'What you did',
    place: 'Where',
    submit: 'Submit for review',
    created: 'Submitted; your branch secretary will review it',
  },
  review: {
    title: 'Volunteer hours review',
    allStates: 'All states',
    empty: 'No reports',
    approve: 'Approve',
    reject: 'Reject',
    rejectTitle: 'Reject: {{name}} {{date}} {{hours}} h',
    reason: 'Reason',
    approved: 'Approved; the hours now count',
    rejected: 'Rejected; the member will see the reason',
    col: {
      member: 'Member',
      org: 'Organization',
      servedOn: 'Day served',
      hours: 'Hours',
      description: 'What',
      place: 'Where',
      createdAt: 'Reported',
      state: 'State',
      actions: 'Actions',
    },
  },
  portal: {
    title: 'My volunteer hours',
    more: 'Report',
  },
};
