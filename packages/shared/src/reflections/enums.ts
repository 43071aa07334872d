import { z } from 'zod';

/** What a reflection is about, its states and a comment's states, with their labels. */

export const REFLECTION_SUBJECT_TYPES = ['course', 'meeting', 'training'] as const;
export type ReflectionSubjectType = (typeof REFLECTION_SUBJECT_TYPES)[number];
export const ReflectionSubjectTypeSchema = z.enum(REFLECTION_SUBJECT_TYPES, {
  error: '不是可选的心得来源',
});
export const REFLECTION_SUBJECT_LABELS: Record<ReflectionSubjectType, string> = {
  course: '课程',
  meeting: '会议',
  training: '培训班',
};

export const REFLECTION_STATES = ['submitted', 'approved', 'returned'] as const;
export type ReflectionState = (typeof REFLECTION_STATES)[number];
export const ReflectionStateSchema = z.enum(REFLECTION_STATES, { error: '不是可选的审核状态' });
export const REFLECTION_STATE_LABELS: Record<ReflectionState, string> = {
  submitted: '待审核',
  approved: '已通过',
  returned: '已退回',
};

export const COMMENT_STATES = ['pending', 'approved', 'rejected'] as const;
export type CommentState = (typeof COMMENT_STATES)[number];
export const CommentStateSchema = z.enum(COMMENT_STATES, { error: '不是可选的评论状态' });
export const COMMENT_STATE_LABELS: Record<CommentState, string> = {
  pending: '待审核',
  approved: '显示',
  rejected: '不予显示',
};

export const MEMBER_REPORT_KINDS = ['thought', 'situation'] as const;
export type MemberReportKind = (typeof MEMBER_REPORT_KINDS)[number];
export const MemberReportKindSchema = z.enum(MEMBER_REPORT_KINDS, { error: '不是可选的报告类型' });
export const MEMBER_REPORT_KIND_LABELS: Record<MemberReportKind, string> = {
  thought: '思想汇报',
  situation: '情况报告',
};

export const MEMBER_REPORT_STATES = ['submitted', 'acknowledged'] as const;
export type MemberReportState = (typeof MEMBER_REPORT_STATES)[number];
export const MemberReportStateSchema = z.enum(MEMBER_REPORT_STATES, { error: '不是可选的报告状态' });
export const MEMBER_REPORT_STATE_LABELS: Record<MemberReportState, string> = {
  submitted: '已提交',
  acknowledged: '已阅',
};
