/** Simplified Chinese texts of the pages, one block per feature (./text); loaded with the signed-in frame. */
import { accountText } from './text/account';
import { activityText } from './text/activity';
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

export const zhCNPages = {
  nav: navText,
  finding: findingText,
  workbench: workbenchText,
  stats: statsText,
  menuGroup: menuGroupText,
  common: commonText,
  account: accountText,
  orgs: orgsText,
  memberFields: memberFieldsText,
  members: membersText,
  member: memberText,
  activity: activityText,
  memberImport: memberImportText,
  me: meText,
  portal: portalText,
  audit: auditText,
  users: usersText,
  settings: settingsText,
  memberPrint: memberPrintText,
  notices: noticesText,
  jobs: jobsText,
  life: lifeText,
  papers: papersText,
  compliance: complianceText,
  files: filesText,
  contacts: contactsText,
  registrations: registrationsText,
  scopeKind: scopeKindText,
  signIn: signInText,
  trainings: trainingsText,
  reflections: reflectionsText,
  study: studyText,
  learning: learningText,
  volunteerHours: volunteerHoursText,
  volunteer: volunteerText,
  hometown: hometownText,
  points: pointsText,
  archives: archivesText,
  care: careText,
  evaluation: evaluationText,
  dues: duesText,
  reports: reportsText,
  screen: screenText,
};
