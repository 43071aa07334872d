/** Simplified Chinese: the default language of the UI, one block per feature (./text). */
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

export const zhCN = {
  app: appText.zh,
  nav: navText.zh,
  finding: findingText.zh,
  workbench: workbenchText.zh,
  stats: statsText.zh,
  menuGroup: menuGroupText.zh,
  common: commonText.zh,
  login: loginText.zh,
  account: accountText.zh,
  orgs: orgsText.zh,
  memberFields: memberFieldsText.zh,
  members: membersText.zh,
  member: memberText.zh,
  activity: activityText.zh,
  memberImport: memberImportText.zh,
  me: meText.zh,
  portal: portalText.zh,
  audit: auditText.zh,
  users: usersText.zh,
  settings: settingsText.zh,
  memberPrint: memberPrintText.zh,
  notices: noticesText.zh,
  jobs: jobsText.zh,
  life: lifeText.zh,
  papers: papersText.zh,
  compliance: complianceText.zh,
  files: filesText.zh,
  contacts: contactsText.zh,
  registrations: registrationsText.zh,
  scopeKind: scopeKindText.zh,
  signIn: signInText.zh,
  trainings: trainingsText.zh,
  reflections: reflectionsText.zh,
  study: studyText.zh,
  learning: learningText.zh,
  volunteerHours: volunteerHoursText.zh,
  volunteer: volunteerText.zh,
  hometown: hometownText.zh,
  points: pointsText.zh,
  archives: archivesText.zh,
  care: careText.zh,
  evaluation: evaluationText.zh,
  dues: duesText.zh,
  reports: reportsText.zh,
  screen: screenText.zh,
};

export type Translation = typeof zhCN;
