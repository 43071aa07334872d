import { z } from 'zod';
import { DateTime } from './common/dates';
import { QueryInt } from './common/ids';
import { Text } from './common/text';

export const AuditQuery = z.object({
  actor: Text('操作人', { max: 64 }).optional(),
  action: Text('操作类型', { max: 64 }).optional(),
  targetType: Text('对象类型', { max: 32 }).optional(),
  targetId: Text('对象编号', { max: 64 }).optional(),
  from: DateTime('起始时间').optional(),
  to: DateTime('结束时间').optional(),
  limit: QueryInt('每页条数', 1, 200).default(50),
  /** Keyset cursor: the seq (log order) of the last row of the previous page. */
  before: QueryInt('分页位置', 1, Number.MAX_SAFE_INTEGER).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** The name the system itself acts under in the log (the demo load, start-up work): no account's. */
export const SYSTEM_ACTOR = 'system';

export const AuditEntryResponse = z.object({
  /** The entry's number in the log's order (numbers of rolled-back writes are skipped). */
  seq: z.number().int(),
  /** The hash chain the entry is in, and its place there (1, 2, 3… without gaps). */
  lane: z.number().int(),
  laneSeq: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  /** The account's username as logged at the time (for a failed sign-in: the name typed). */
  actorName: z.string().nullable(),
  /** The account's display name now; null when the entry has no account (or it is gone). */
  actorDisplayName: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  targetLabel: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntryResponse = z.infer<typeof AuditEntryResponse>;

export const AuditListResponse = z.object({
  items: z.array(AuditEntryResponse),
  nextCursor: z.number().int().nullable(),
});
export type AuditListResponse = z.infer<typeof AuditListResponse>;

export const AuditVerifyResponse = z.object({
  status: z.enum(['intact', 'broken']),
  /** Rows found intact: all of them, or when broken those before the break in each chain. */
  rows: z.number().int(),
  /** How many hash chains (lanes) the log holds. */
  lanes: z.number().int(),
  /** The earliest broken row (by seq) over all chains, and its chain. */
  firstBrokenSeq: z.number().int().nullable(),
  firstBrokenLane: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;

/**
 * Every action the audit log records, with its Chinese name for the audit page. An action
 * appended anywhere must be listed here (`AuditAction`); the English names in the web's
 * en-labels.ts are typed against the same list.
 */
export const AUDIT_ACTIONS = {
  'job.run': '立即运行定时任务',
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账户锁定',
  'auth.logout': '退出登录',
  'auth.password_changed': '修改密码',
  'auth.session_revoked': '注销会话',
  'auth.password_change_failed': '修改密码失败（当前密码错误）',
  'user.created': '创建账户',
  'user.password_reset': '重置密码',
  'user.unlocked': '解除锁定',
  'user.disabled': '停用账户',
  'user.enabled': '启用账户',
  'role.assigned': '授予角色',
  'role.revoked': '收回角色',
  'org.created': '新建组织',
  'org.updated': '修改组织',
  'org.moved': '调整隶属',
  'org.closed': '撤销组织',
  'position.created': '新增职务',
  'position.updated': '修改职务',
  'position.deleted': '删除职务',
  'member.created': '新增党员',
  'member.updated': '修改党员档案',
  'member.status_changed': '变更党员状态',
  'member.revealed': '查看个人信息',
  'member.self_updated': '党员修改本人信息',
  'member.account_created': '开通党员账户',
  'member.imported': '批量导入党员',
  'member.exported': '导出党员',
  'member.form_printed': '打印党员信息采集表',
  'file.uploaded': '上传文件',
  'file.downloaded': '下载文件',
  'file.deleted': '删除文件',
  'notice.sent': '发送通知',
  'notice.scheduled': '定时通知',
  'notice.updated': '修改通知',
  'notice.published': '发布定时通知',
  'notice.reminded': '提醒未读',
  'registration.accepted': '接收自主报到登记',
  'registration.returned': '退回自主报到登记',
  'registration.duplicate': '标记重复登记',
  'certificate.issued': '签发流动党员活动证',
  'certificate.renewed': '换发流动党员活动证',
  'certificate.revoked': '收回流动党员活动证',
  'certificate.printed': '打印流动党员活动证',
  'certificate.exported': '导出活动证台账',
  'transfer.issued': '开具组织关系介绍信',
  'transfer.completed': '组织关系转接完成（回执）',
  'transfer.cancelled': '取消组织关系转接',
  'transfer.printed': '打印组织关系介绍信',
  'transfer.exported': '导出组织关系转接台账',
  'settings.updated': '修改参数设置',
  'settings.reset': '参数设置恢复默认',
  'contact.created': '添加联系记录',
  'contact.flag_resolved': '处理失联核查提示',
  'feedback.updated': '填写现实表现反馈意见',
  'feedback.downloaded': '下载现实表现反馈',
  'feedback.sent': '发送现实表现反馈',
  'finding.campaign_created': '新建寻找党员行动',
  'finding.campaign_updated': '修改寻找党员行动',
  'finding.lead_created': '新增寻找线索',
  'finding.lead_updated': '修改寻找线索',
  'finding.leads_imported': '批量导入寻找线索',
  'finding.leads_exported': '导出寻找线索',
  'finding.visit_logged': '记录寻访',
  'finding.lead_found': '线索标记为已找到',
  'meeting.exemption_created': '设置免于召开的会议',
  'meeting.exemption_updated': '修改免于召开的会议',
  'meeting.exemption_deleted': '取消免于召开的会议',
  'meeting.compliance_exported': '导出组织生活落实情况',
  'meeting.created': '新建会议',
  'meeting.updated': '修改会议',
  'meeting.held': '会议已召开',
  'meeting.archived': '会议归档',
  'meeting.cancelled': '取消会议',
  'meeting.amended': '更正已归档会议记录',
  'meeting.attendance_recorded': '登记会议出勤',
  'meeting.qr_signed_in': '扫码签到',
  'meeting.leave_requested': '会议请假',
  'meeting.leave_decided': '审批会议请假',
  'training.created': '新建培训班',
  'training.updated': '修改培训班',
  'training.state_changed': '培训班状态变更',
  'training.applied': '报名参加培训班',
  'training.nominated': '推荐参加培训班',
  'training.withdrawn': '退出培训班',
  'training.completed': '培训班结业',
  'training.certificate_printed': '下载结业证书',
  'training.session_created': '新增培训课次',
  'training.session_updated': '修改培训课次',
  'training.session_deleted': '删除培训课次',
  'training.attendance_recorded': '记录培训出勤',
  'training.signed_in': '培训扫码签到',
  'reflection.created': '发表心得体会',
  'reflection.updated': '修改心得体会',
  'reflection.approved': '心得体会审核通过',
  'reflection.returned': '退回心得体会',
  'reflection.featured': '精选心得体会',
  'reflection.unfeatured': '取消精选心得体会',
  'reflection.comment_added': '评论心得体会',
  'reflection.comment_moderated': '审核心得评论',
  'report.submitted': '提交思想汇报或情况报告',
  'report.updated': '修改思想汇报或情况报告',
  'report.acknowledged': '阅知思想汇报或情况报告',
  'study.recorded': '录入线下学习学时',
  'study.record_deleted': '删除线下学习学时',
  'study.board_exported': '导出学时达标情况',
  'course.created': '新建课程',
  'course.updated': '修改课程',
  'course.published': '发布课程',
  'course.withdrawn': '撤回课程',
  'course.series_created': '新建课程系列',
  'volunteer.hours_reported': '填报自主志愿服务时长',
  'volunteer.hours_approved': '自主志愿服务时长审核通过',
  'volunteer.hours_rejected': '自主志愿服务时长未通过',
  'volunteer.hours_withdrawn': '撤回自主志愿服务时长',
  'volunteer.campaign_created': '新建志愿服务活动',
  'volunteer.campaign_updated': '修改志愿服务活动',
  'volunteer.campaign_state_changed': '志愿服务活动状态变更',
  'volunteer.post_saved': '保存志愿服务点位',
  'volunteer.shifts_created': '新增志愿服务班次',
  'volunteer.assigned': '志愿服务排班',
  'volunteer.signed_up': '报名志愿服务班次',
  'volunteer.unassigned': '取消志愿服务排班',
  'volunteer.checked': '志愿服务签到签退',
  'volunteer.scanned': '志愿服务扫码签到签退',
  'volunteer.served_recorded': '登记服务人次',
  'volunteer.summary_exported': '导出志愿服务活动汇总',
  'volunteer.round_recorded': '登记志愿服务巡查督导',
  'volunteer.incident_recorded': '登记志愿服务情况',
  'hometown.project_created': '登记引进项目',
  'hometown.project_updated': '修改引进项目',
  'hometown.project_stage_changed': '引进项目阶段变更',
  'hometown.project_years_updated': '更新引进项目年度数据',
  'hometown.project_deleted': '删除引进项目',
  'hometown.donation_created': '登记捐赠',
  'hometown.donation_updated': '修改捐赠',
  'hometown.donation_deleted': '删除捐赠',
  'hometown.posting_created': '发布用工信息',
  'hometown.posting_updated': '修改用工信息',
  'hometown.posting_deleted': '删除用工信息',
  'hometown.placement_created': '登记劳务输出',
  'hometown.placement_updated': '修改劳务输出',
  'hometown.placement_deleted': '删除劳务输出',
  'hometown.exported': '导出服务家乡台账',
  'dues.base_created': '申报党费基数',
  'dues.base_updated': '修改党费基数',
  'dues.month_opened': '开启党费月度台账',
  'dues.month_closed': '党费月度台账结账',
  'dues.payment_recorded': '登记党费交纳',
  'dues.payment_reversed': '冲正党费交纳',
  'dues.relief_requested': '申请党费减免',
  'dues.relief_reviewed': '支部审议党费减免',
  'dues.relief_decided': '上级审批党费减免',
  'dues.reminded': '提醒欠缴党费',
  'dues.exported': '导出党费报表',
  'demo.seeded': '生成演示数据',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** Whether a stored or typed action string is one of the listed actions. */
export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, action);
}

/** The Chinese name of an action, or null for one not in the list (a retired action in old rows). */
export function auditActionLabel(action: string): string | null {
  return isAuditAction(action) ? AUDIT_ACTIONS[action] : null;
}
