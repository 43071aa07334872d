import { LEAD_STATE_LABELS, type LeadState } from '@ningxin/shared';
import { Tag } from 'antd';

const COLORS: Record<LeadState, string> = {
  new: 'default',
  contacted: 'processing',
  visited: 'blue',
  found: 'success',
  not_member: 'warning',
  not_found: 'error',
};

/** A lead's state (待联系, 已联系, 已走访, 已找到, 非党员, 未找到). */
export function LeadStateTag({ state }: { state: LeadState }) {
  return <Tag color={COLORS[state]}>{LEAD_STATE_LABELS[state]}</Tag>;
}
