/** English UI text, one block per feature (./text). */
import { accountText } from './text/account';
import { activityText } from './text/activity';
import { appText } from './text/app';
import { archivesText } from './text/archives';
import { auditText } from './text/audit';
import { careText } from './text/care';
import { commonText } from './text/common';
import { complianceText } from './text/compliance';
import { contactsText } from './text/contacts';
import { duesText } from './text/dues';
import { evaluationText } from './text/evaluation';
import { filesText } from './text/files';
import { findingText } from './text/finding';
import { hometownText } from './text/hometown';
import { jobsText } from './text/jobs';
import { learningText } from './text/learning';
import { lifeText } from './text/life';
import { loginText } from './text/login';
import { meText } from './text/me';
import { memberText } from './text/member';
import { memberFieldsText } from './text/member-fields';
import { memberImportText } from './text/member-import';
import { memberPrintText } from './text/member-print';
import { membersText } from './text/members';
import { menuGroupText } from './text/menu-group';
import { navText } from './text/nav';
import { noticesText } from './text/notices';
import { orgsText } from './text/orgs';
import { papersText } from './text/papers';
import { pointsText } from './text/points';
import { portalText } from './text/portal';
import { reflectionsText } from './text/reflections';
import { registrationsText } from './text/registrations';
import { reportsText } from './text/reports';
import { scopeKindText } from './text/scope-kind';
import { screenText } from './text/screen';
import { settingsText } from './text/settings';
import { signInText } from './text/sign-in';
import { statsText } from './text/stats';
import { studyText } from './text/study';
import { trainingsText } from './text/trainings';
import { usersText } from './text/users';
import { volunteerText } from './text/volunteer';
import { volunteerHoursText } from './text/volunteer-hours';
import { workbenchText } from './text/workbench';
import type { Translation } from './zh-CN';

export const en: Translation = {
  app: appText.en,
  nav: navText.en,
  finding: findingText.en,
  workbench: workbenchText.en,
  stats: statsText.en,
  menuGroup: menuGroupText.en,
  common: commonText.en,
  login: loginText.en,
  account: accountText.en,
  orgs: orgsText.en,
  memberFields: memberFieldsText.en,
  members: membersText.en,
  member: memberText.en,
  activity: activityText.en,
  memberImport: memberImportText.en,
  me: meText.en,
  portal: portalText.en,
  audit: auditText.en,
  users: usersText.en,
  settings: settingsText.en,
  memberPrint: memberPrintText.en,
  notices: noticesText.en,
  jobs: jobsText.en,
  life: lifeText.en,
  papers: papersText.en,
  compliance: complianceText.en,
  files: filesText.en,
  contacts: contactsText.en,
  registrations: registrationsText.en,
  scopeKind: scopeKindText.en,
  signIn: signInText.en,
  trainings: trainingsText.en,
  reflections: reflectionsText.en,
  study: studyText.en,
  learning: learningText.en,
  volunteerHours: volunteerHoursText.en,
  volunteer: volunteerText.en,
  hometown: hometownText.en,
  points: pointsText.en,
  archives: archivesText.en,
  care: careText.en,
  evaluation: evaluationText.en,
  dues: duesText.en,
  reports: reportsText.en,
  screen: screenText.en,
};
