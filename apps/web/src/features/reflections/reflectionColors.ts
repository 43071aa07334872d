import type { CommentState, MemberReportState, ReflectionState } from '@ningxin/shared';

/** Tag colours of reflection, comment and report states. */
export const REFLECTION_COLORS: Record<ReflectionState, string> = {
  submitted: 'processing',
  approved: 'success',
  returned: 'warning',
};

export const COMMENT_COLORS: Record<CommentState, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'default',
};

export const REPORT_COLORS: Record<MemberReportState, string> = {
  submitted: 'processing',
  acknowledged: 'success',
};
