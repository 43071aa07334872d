import { z } from 'zod';

/** The code lists of care and honours (关爱、表彰), with their Chinese names. */

/** Why a visit (走访慰问) was made. */
export const CARE_VISIT_REASONS = ['illness', 'hardship', 'holiday', 'anniversary', 'other'] as const;
export const CareVisitReason = z.enum(CARE_VISIT_REASONS, {
  error: '走访原因应为生病住院、生活困难、节日慰问、政治生日或其他',
});
export type CareVisitReason = z.infer<typeof CareVisitReason>;
export const CARE_VISIT_REASON_LABELS: Record<CareVisitReason, string> = {
  illness: '生病住院',
  hardship: '生活困难',
  holiday: '节日慰问',
  anniversary: '政治生日',
  other: '其他',
};

/** What hardship help (困难帮扶) was given: money, goods, or a service (帮办). */
export const CARE_HELP_KINDS = ['money', 'goods', 'service'] as const;
export const CareHelpKind = z.enum(CARE_HELP_KINDS, { error: '帮扶方式应为资金、物资或帮办服务' });
export type CareHelpKind = z.infer<typeof CareHelpKind>;
export const CARE_HELP_KIND_LABELS: Record<CareHelpKind, string> = {
  money: '资金',
  goods: '物资',
  service: '帮办服务',
};

/** An honour (表彰) goes to one member or to a collective (an org of the tree, or a named group). */
export const HONOUR_KINDS = ['individual', 'collective'] as const;
export const HonourKind = z.enum(HONOUR_KINDS, { error: '表彰类型应为个人或集体' });
export type HonourKind = z.infer<typeof HonourKind>;
export const HONOUR_KIND_LABELS: Record<HonourKind, string> = { individual: '个人', collective: '集体' };

/** The level of the issuing body, highest first (the wall's order). */
export const HONOUR_LEVELS = ['national', 'provincial', 'city', 'county', 'committee'] as const;
export const HonourLevel = z.enum(HONOUR_LEVELS, {
  error: '表彰级别应为国家级、省级、市级、区县级或流动党委',
});
export type HonourLevel = z.infer<typeof HonourLevel>;
export const HONOUR_LEVEL_LABELS: Record<HonourLevel, string> = {
  national: '国家级',
  provincial: '省级',
  city: '市级',
  county: '区县级',
  committee: '流动党委',
};
