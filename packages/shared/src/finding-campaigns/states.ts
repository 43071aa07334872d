/** A lead's states and the rule of which may follow which; where a lead came from; how a finder reached the person. */
import { z } from 'zod';

export const LEAD_STATES = ['new', 'contacted', 'visited', 'found', 'not_member', 'not_found'] as const;
export const LeadState = z.enum(LEAD_STATES, { error: '不是有效的线索状态' });
export type LeadState = z.infer<typeof LeadState>;

export const LEAD_STATE_LABELS: Record<LeadState, string> = {
  new: '待联系',
  contacted: '已联系',
  visited: '已走访',
  found: '已找到',
  not_member: '非党员',
  not_found: '未找到',
};

/** The states a lead is still being worked in (open leads). */
export const OPEN_LEAD_STATES = ['new', 'contacted', 'visited'] as const satisfies readonly LeadState[];

/**
 * Which state may follow which: forward through contact and visit (a step may be skipped: a
 * first visit can find the member), to one of the three ends. `found` is reached only by marking
 * the lead found (with the member record), never by a visit log. An end is final; a lead closed
 * by mistake is corrected by a new lead.
 */
export const LEAD_TRANSITIONS: Record<LeadState, readonly LeadState[]> = {
  new: ['contacted', 'visited', 'found', 'not_member', 'not_found'],
  contacted: ['contacted', 'visited', 'found', 'not_member', 'not_found'],
  visited: ['visited', 'found', 'not_member', 'not_found'],
  found: [],
  not_member: [],
  not_found: [],
};

/** Whether a lead in `from` may move to `to` (staying in contacted or visited is a further visit). */
export function leadTransitionAllowed(from: LeadState, to: LeadState): boolean {
  return LEAD_TRANSITIONS[from].includes(to);
}

export const isOpenLead = (state: LeadState) => (OPEN_LEAD_STATES as readonly string[]).includes(state);

/** Where a lead came from. `lost_contact` is a 失联 member of the base turned into a lead. */
export const LEAD_SOURCES = [
  'member_tip',
  'employer',
  'hometown_list',
  'street_office',
  'lost_contact',
  'other',
] as const;
export const LeadSource = z.enum(LEAD_SOURCES, { error: '不是有效的线索来源' });
export type LeadSource = z.infer<typeof LeadSource>;
export const LEAD_SOURCE_LABELS: Record<LeadSource, string> = {
  member_tip: '党员提供',
  employer: '用工单位',
  hometown_list: '家乡名单',
  street_office: '街道社区',
  lost_contact: '失联党员',
  other: '其他',
};

export const VISIT_METHODS = ['phone', 'visit', 'wechat'] as const;
export const VisitMethod = z.enum(VISIT_METHODS, { error: '联系方式应为电话、上门或微信' });
export type VisitMethod = z.infer<typeof VisitMethod>;
export const VISIT_METHOD_LABELS: Record<VisitMethod, string> = {
  phone: '电话',
  visit: '上门走访',
  wechat: '微信',
};
