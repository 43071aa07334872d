import { accountFeature } from '../features/account/account.feature';
import { archivesFeature } from '../features/archives/archives.feature';
import { auditFeature } from '../features/audit/audit.feature';
import { careFeature } from '../features/care/care.feature';
import { complianceFeature } from '../features/compliance/compliance.feature';
import { contactsFeature } from '../features/contacts/contacts.feature';
import { duesFeature } from '../features/dues/dues.feature';
import { evaluationFeature } from '../features/evaluation/evaluation.feature';
import { findingFeature } from '../features/finding/finding.feature';
import { hometownFeature } from '../features/hometown/hometown.feature';
import { jobsFeature } from '../features/jobs/jobs.feature';
import { learningFeature } from '../features/learning/learning.feature';
import { lifeFeature } from '../features/life/life.feature';
import { meFeature } from '../features/me/me.feature';
import { membersFeature } from '../features/members/members.feature';
import { noticesFeature } from '../features/notices/notices.feature';
import { orgsFeature } from '../features/orgs/orgs.feature';
import { papersFeature } from '../features/papers/papers.feature';
import { pointsFeature } from '../features/points/points.feature';
import { portalFeature } from '../features/portal/portal.feature';
import { reflectionsFeature } from '../features/reflections/reflections.feature';
import { registrationsFeature } from '../features/registrations/registrations.feature';
import { reportsFeature } from '../features/reports/reports.feature';
import { screenFeature } from '../features/screen/screen.feature';
import { settingsFeature } from '../features/settings/settings.feature';
import { statsFeature } from '../features/stats/stats.feature';
import { studyFeature } from '../features/study/study.feature';
import { trainingsFeature } from '../features/trainings/trainings.feature';
import { usersFeature } from '../features/users/users.feature';
import { volunteerFeature } from '../features/volunteer/volunteer.feature';
import { volunteerHoursFeature } from '../features/volunteer-hours/volunteer-hours.feature';
import { workbenchFeature } from '../features/workbench/workbench.feature';
import type { Feature } from './feature';

/** The features of the web app. A new domain's pages are one more line here. */
export const FEATURES: readonly Feature[] = [
  workbenchFeature,
  portalFeature,
  noticesFeature,
  membersFeature,
  meFeature,
  orgsFeature,
  // 党员双找 in the order of the work: find, take in, keep in touch, report home.
  findingFeature,
  registrationsFeature,
  contactsFeature,
  usersFeature,
  auditFeature,
  jobsFeature,
  papersFeature,
  lifeFeature,
  complianceFeature,
  trainingsFeature,
  learningFeature,
  studyFeature,
  reflectionsFeature,
  volunteerHoursFeature,
  volunteerFeature,
  hometownFeature,
  pointsFeature,
  archivesFeature,
  careFeature,
  evaluationFeature,
  duesFeature,
  statsFeature,
  reportsFeature,
  screenFeature,
  settingsFeature,
  accountFeature,
];
