/** English texts of the pages (./zh-CN.pages.ts); loaded only when English is chosen. */
import { accountTextEn } from './text/en/account';
import { activityTextEn } from './text/en/activity';
import { archivesTextEn } from './text/en/archives';
import { auditTextEn } from './text/en/audit';
import { careTextEn } from './text/en/care';
import { commonTextEn } from './text/en/common';
import { complianceTextEn } from './text/en/compliance';
import { contactsTextEn } from './text/en/contacts';
import { duesTextEn } from './text/en/dues';
import { evaluationTextEn } from './text/en/evaluation';
import { filesTextEn } from './text/en/files';
import { findingTextEn } from './text/en/finding';
import { hometownTextEn } from './text/en/hometown';
import { jobsTextEn } from './text/en/jobs';
import { learningTextEn } from './text/en/learning';
import { lifeTextEn } from './text/en/life';
import { meTextEn } from './text/en/me';
import { memberTextEn } from './text/en/member';
import { memberFieldsTextEn } from './text/en/member-fields';
import { memberImportTextEn } from './text/en/member-import';
import { memberPrintTextEn } from './text/en/member-print';
import { membersTextEn } from './text/en/members';
import { menuGroupTextEn } from './text/en/menu-group';
import { navTextEn } from './text/en/nav';
import { noticesTextEn } from './text/en/notices';
import { orgsTextEn } from './text/en/orgs';
import { papersTextEn } from './text/en/papers';
import { pointsTextEn } from './text/en/points';
import { portalTextEn } from './text/en/portal';
import { reflectionsTextEn } from './text/en/reflections';
import { registrationsTextEn } from './text/en/registrations';
import { reportsTextEn } from './text/en/reports';
import { scopeKindTextEn } from './text/en/scope-kind';
import { screenTextEn } from './text/en/screen';
import { settingsTextEn } from './text/en/settings';
import { signInTextEn } from './text/en/sign-in';
import { statsTextEn } from './text/en/stats';
import { studyTextEn } from './text/en/study';
import { trainingsTextEn } from './text/en/trainings';
import { usersTextEn } from './text/en/users';
import { volunteerTextEn } from './text/en/volunteer';
import { volunteerHoursTextEn } from './text/en/volunteer-hours';
import { workbenchTextEn } from './text/en/workbench';
import type { zhCNPages } from './zh-CN.pages';

export const enPages: typeof zhCNPages = {
  nav: navTextEn,
  finding: findingTextEn,
  workbench: workbenchTextEn,
  stats: statsTextEn,
  menuGroup: menuGroupTextEn,
  common: commonTextEn,
  account: accountTextEn,
  orgs: orgsTextEn,
  memberFields: memberFieldsTextEn,
  members: membersTextEn,
  member: memberTextEn,
  activity: activityTextEn,
  memberImport: memberImportTextEn,
  me: meTextEn,
  portal: portalTextEn,
  audit: auditTextEn,
  users: usersTextEn,
  settings: settingsTextEn,
  memberPrint: memberPrintTextEn,
  notices: noticesTextEn,
  jobs: jobsTextEn,
  life: lifeTextEn,
  papers: papersTextEn,
  compliance: complianceTextEn,
  files: filesTextEn,
  contacts: contactsTextEn,
  registrations: registrationsTextEn,
  scopeKind: scopeKindTextEn,
  signIn: signInTextEn,
  trainings: trainingsTextEn,
  reflections: reflectionsTextEn,
  study: studyTextEn,
  learning: learningTextEn,
  volunteerHours: volunteerHoursTextEn,
  volunteer: volunteerTextEn,
  hometown: hometownTextEn,
  points: pointsTextEn,
  archives: archivesTextEn,
  care: careTextEn,
  evaluation: evaluationTextEn,
  dues: duesTextEn,
  reports: reportsTextEn,
  screen: screenTextEn,
};
