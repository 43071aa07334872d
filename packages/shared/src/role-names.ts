/**
 * The roles, the actions and scopes each role has, and the roles' Chinese names, without zod (the
 * schemas in ./roles.ts build on these lists).
 */

type Role = (typeof ROLES)[number];
type ScopeKind = (typeof SCOPE_KINDS)[number];
type Action = (typeof ACTIONS)[number];

/**
 * Roles. The three administrators of 等保 (系统管理员、安全管理员、安全审计员) are separate roles
 * and hold no business data; business roles read and write within their scope.
 */
export const ROLES = [
  'system_admin', // 系统管理员: accounts and system settings
  'security_admin', // 安全管理员: role assignments, unlocking accounts
  'audit_admin', // 安全审计员: the audit log
  'committee_admin', // 流动党委办公室: the whole tree
  'secretary', // 二级党委、支部书记: an org subtree
  'home_viewer', // 流出地组织部: members whose home is a county
  'host_viewer', // 流入地组织部、街道: members living in a district
  'finder', // 工作组: leads assigned to them
  'member', // 流动党员: themselves
] as const;

export const ROLE_LABELS: Record<Role, string> = {
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '安全审计员',
  committee_admin: '流动党委管理员',
  secretary: '书记',
  home_viewer: '流出地查看',
  host_viewer: '流入地查看',
  finder: '工作组',
  member: '党员',
};

/** What a role assignment reaches: everything, an org subtree, a home county, a host district, or oneself. */
export const SCOPE_KINDS = ['all', 'org', 'home', 'host', 'self'] as const;

export const ACTIONS = [
  'org.read',
  'org.write',
  'user.read',
  'user.write',
  'role.assign',
  'audit.read',
  'member.read',
  'member.write',
  'member.reveal', // see one member's full ID number or phone, audited with a reason
  'member.import',
  'member.export',
  'member.self', // a member's own record: read it, change contact details
  'notice.send', // send notices (通知公告) to a subtree, roles or named members, and see who read them
  'settings.write', // change the committee's settings (local rules)
  'job.read', // see the scheduled jobs and their runs, run a failed one again
  'finding.manage', // finding campaigns (组织找党员): create, assign leads, import leads, see progress
  'finding.lead', // work the leads assigned to oneself: log visits, mark found (工作组)
  'registration.review', // review self-registrations (党员找组织) of the subtree: accept, return, duplicate
  'contact.write', // add contact-log entries and notes to the members one may read (both sides too)
  'certificate.write', // issue, renew and revoke 流动党员活动证
  'transfer.write', // 组织关系转接: issue letters, record receipts, complete or cancel
  'feedback.read', // the yearly conduct feedback (现实表现反馈) of the members one may read
  'feedback.write', // write the secretary's comment and send the feedback
  'meeting.read', // the meetings (组织生活) of the subtree, their attendance and the compliance board
  'meeting.write', // plan, record, archive and amend meetings; record attendance, decide leave, show the sign-in QR
  'training.manage', // training classes and study trips: create, nominate, record attendance, complete
  'course.manage', // the lecture hall's courses and series: write, publish to subtrees, see who studied
  'study.read', // study hours (学时) of the subtree's members and the threshold board
  'study.write', // record offline study hours for the subtree's members
  'reflection.review', // review reflections (心得体会), feature them, moderate comments, acknowledge yearly reports
  'report.read', // the yearly reports (思想汇报、情况报告) of the members one may read
  'volunteer.read', // volunteer campaigns (志愿服务) of the subtree or held in one's district, their rosters and boards
  'volunteer.manage', // campaigns: posts, shifts, roster, check-in by hand, rounds, incidents; approve self-reported hours
  'hometown.read', // the hometown ledgers (服务家乡): projects, donations, labour export of the subtree or one's county
  'hometown.write', // record and edit projects, donations, job postings and placements
  'care.read', // care visits (走访慰问), hardship help and honours (表彰) of the members one may read
  'care.write', // record visits, help and honours; print 政治生日 cards
  'points.read', // the points (积分) of the subtree's members and the ranking
  'points.manage', // work out a year's points again by the current rules
  'dues.read', // Party dues (党费): bases, the monthly ledgers, payments, arrears of the subtree
  'dues.write', // declare bases, open and close months, record payments, review and approve relief
  'evaluation.read', // the yearly evaluation (民主评议) rounds of the subtree and their results
  'evaluation.manage', // run a round: members, steps, ballot codes, counting, grades, appeals
  'archive.read', // the archive room's registry (档案) and its loans
  'archive.write', // register items, their places and files; lend and take back
  'stats.read', // the statistics (统计) of one's scope: dashboards, the tables behind them, the annual report
  'screen.manage', // the big screen's (数据大屏) kiosk links: issue and revoke
] as const;

/** What each role may do (within the scope of the assignment). */
export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  system_admin: ['user.read', 'user.write', 'org.read', 'job.read'],
  security_admin: ['user.read', 'role.assign', 'org.read'],
  audit_admin: ['audit.read'],
  committee_admin: [
    'org.read',
    'org.write',
    'member.read',
    'member.write',
    'member.reveal',
    'member.import',
    'member.export',
    'notice.send',
    'settings.write',
    'finding.manage',
    'registration.review',
    'contact.write',
    'certificate.write',
    'transfer.write',
    'feedback.read',
    'feedback.write',
    'meeting.read',
    'meeting.write',
    'training.manage',
    'course.manage',
    'study.read',
    'study.write',
    'reflection.review',
    'report.read',
    'volunteer.read',
    'volunteer.manage',
    'hometown.read',
    'hometown.write',
    'care.read',
    'care.write',
    'points.read',
    'points.manage',
    'dues.read',
    'dues.write',
    'evaluation.read',
    'evaluation.manage',
    'archive.read',
    'archive.write',
    'stats.read',
    'screen.manage',
  ],
  secretary: [
    'org.read',
    'org.write',
    'member.read',
    'member.write',
    'member.reveal',
    'member.import',
    'member.export',
    'notice.send',
    'finding.manage',
    'registration.review',
    'contact.write',
    'certificate.write',
    'transfer.write',
    'feedback.read',
    'feedback.write',
    'meeting.read',
    'meeting.write',
    'training.manage',
    'course.manage',
    'study.read',
    'study.write',
    'reflection.review',
    'report.read',
    'volunteer.read',
    'volunteer.manage',
    'hometown.read',
    'hometown.write',
    'care.read',
    'care.write',
    'points.read',
    'dues.read',
    'dues.write',
    'evaluation.read',
    'evaluation.manage',
    'archive.read',
    'archive.write',
    'stats.read',
  ],
  home_viewer: [
    'org.read',
    'member.read',
    'member.export',
    'contact.write',
    'feedback.read',
    'report.read',
    'study.read',
    'hometown.read',
    'care.read',
    'points.read',
    'evaluation.read',
    'stats.read',
  ],
  host_viewer: ['org.read', 'member.read', 'member.export', 'contact.write', 'volunteer.read', 'stats.read'],
  finder: ['org.read', 'finding.lead'],
  member: ['member.self'],
};

/** The scope kinds a role may be assigned with. */
export const ROLE_SCOPES: Record<Role, readonly ScopeKind[]> = {
  system_admin: ['all'],
  security_admin: ['all'],
  audit_admin: ['all'],
  committee_admin: ['all'],
  secretary: ['org'],
  home_viewer: ['home'],
  host_viewer: ['host'],
  finder: ['org', 'all'],
  member: ['self'],
};

/** The three administrators of 三员分立: one account may hold only one of them. */
export const SEPARATED_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];
