import type {
  ActivityKind,
  ActivityUnit,
  Gender,
  MemberSource,
  MemberStatus,
  MemberType,
  OrgKind,
  PositionTitle,
  RelationshipType,
  Role,
} from '@ningxin/shared';

/** English names of the shared code tables (the Chinese ones live in @ningxin/shared). */
export const enLabels: {
  role: Record<Role, string>;
  orgKind: Record<OrgKind, string>;
  positionTitle: Record<PositionTitle, string>;
  auditAction: Record<string, string>;
  memberStatus: Record<MemberStatus, string>;
  memberType: Record<MemberType, string>;
  relationship: Record<RelationshipType, string>;
  memberSource: Record<MemberSource, string>;
  gender: Record<Gender, string>;
  education: Record<string, string>;
  activityKind: Record<ActivityKind, string>;
  activityUnit: Record<ActivityUnit, string>;
} = {
  role: {
    system_admin: 'System administrator',
    security_admin: 'Security administrator',
    audit_admin: 'Security auditor',
    committee_admin: 'Committee administrator',
    secretary: 'Secretary',
    home_viewer: 'Home-side viewer',
    host_viewer: 'Host-side viewer',
    finder: 'Working group',
    member: 'Member',
  },
  orgKind: {
    committee: 'Floating Party committee',
    sub_committee: 'Second-level committee',
    branch: 'Floating Party branch',
    group: 'Party group',
  },
  positionTitle: {
    secretary: 'Secretary',
    deputy_secretary: 'Deputy secretary',
    organization: 'Organization member',
    publicity: 'Publicity member',
    discipline: 'Discipline member',
    safety: 'Safety member',
    committee_member: 'Committee member',
    group_leader: 'Group leader',
  },
  auditAction: {
    'job.run': 'Run a scheduled job now',
    'auth.login': 'Login',
    'auth.login_failed': 'Login failed',
    'auth.locked': 'Account locked',
    'auth.logout': 'Logout',
    'auth.password_changed': 'Password changed',
    'auth.session_revoked': 'Session revoked',
    'user.created': 'Account created',
    'user.password_reset': 'Password reset',
    'user.unlocked': 'Account unlocked',
    'user.disabled': 'Account disabled',
    'user.enabled': 'Account enabled',
    'role.assigned': 'Role assigned',
    'role.revoked': 'Role revoked',
    'org.created': 'Organization created',
    'org.updated': 'Organization updated',
    'org.moved': 'Organization moved',
    'org.closed': 'Organization closed',
    'position.created': 'Position added',
    'position.updated': 'Position updated',
    'position.deleted': 'Position deleted',
    'notice.sent': 'Notice sent',
    'notice.scheduled': 'Notice scheduled',
    'notice.updated': 'Notice changed',
    'notice.published': 'Scheduled notice published',
    'notice.reminded': 'Unread recipients reminded',
    'demo.seeded': 'Demo data seeded',
    'settings.updated': 'Setting changed',
    'settings.reset': 'Setting restored to default',
    'member.created': 'Member added',
    'member.updated': 'Member updated',
    'member.status_changed': 'Status changed',
    'member.revealed': 'Personal data viewed',
    'member.self_updated': 'Member updated own contact',
    'member.imported': 'Members imported',
    'member.exported': 'Members exported',
    'file.uploaded': 'File uploaded',
    'file.downloaded': 'File downloaded',
    'file.deleted': 'File deleted',
  },
  memberStatus: {
    active: 'Active',
    lost: 'Lost contact',
    suspended: 'Membership suspended',
    transferred_out: 'Transferred out',
    returned: 'Returned home',
    deceased: 'Deceased',
  },
  memberType: { full: 'Full member', probationary: 'Probationary member' },
  relationship: {
    transferred_in: 'Relation transferred in',
    certificate: 'Holds a floating member certificate',
    at_home: 'Relation kept at home',
  },
  memberSource: {
    found: 'Found by the organization',
    self_registered: 'Self-registered',
    imported: 'Imported',
    manual: 'Entered by hand',
  },
  gender: { male: 'Male', female: 'Female' },
  education: {
    '10': 'Postgraduate',
    '11': 'Doctorate',
    '14': "Master's",
    '20': "Bachelor's",
    '30': 'Junior college',
    '40': 'Secondary vocational',
    '60': 'Senior high school',
    '70': 'Junior high school',
    '80': 'Primary school',
    '90': 'Other',
  },
  activityKind: {
    meeting_attended: 'Organizational life attended',
    study_hours: 'Study',
    volunteer_hours: 'Volunteer service',
    contribution: 'Service to the home city',
    honour: 'Honour received',
    dues_paid: 'Party dues paid',
    evaluation: 'Democratic evaluation',
    contact: 'Contact with the organization',
    care: 'Care and support',
    status_changed: 'Status change',
  },
  activityUnit: {
    times: 'times',
    class_hours: 'class hours',
    hours: 'hours',
    fen: 'yuan',
    points: 'points',
  },
};
