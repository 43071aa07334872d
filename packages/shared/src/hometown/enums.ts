import { z } from 'zod';

/** The code lists of the hometown ledgers, with their Chinese names. */

/** A project's stage: 洽谈 → 签约 → 开工 → 投产. */
export const PROJECT_STAGES = ['negotiating', 'signed', 'started', 'producing'] as const;
export const ProjectStage = z.enum(PROJECT_STAGES, { error: '项目阶段应为洽谈、签约、开工或投产' });
export type ProjectStage = z.infer<typeof ProjectStage>;
export const PROJECT_STAGE_LABELS: Record<ProjectStage, string> = {
  negotiating: '洽谈',
  signed: '签约',
  started: '开工',
  producing: '投产',
};

/** Who gave: a member, an org (a second-level committee), an enterprise. */
export const DONOR_KINDS = ['member', 'org', 'enterprise'] as const;
export const DonorKind = z.enum(DONOR_KINDS, { error: '捐赠方应为党员、组织或企业' });
export type DonorKind = z.infer<typeof DonorKind>;
export const DONOR_KIND_LABELS: Record<DonorKind, string> = {
  member: '党员',
  org: '党组织',
  enterprise: '企业',
};

/** Funds (资金) or goods (物资, valued, with items). */
export const DONATION_KINDS = ['funds', 'goods'] as const;
export const DonationKind = z.enum(DONATION_KINDS, { error: '捐赠类型应为资金或物资' });
export type DonationKind = z.infer<typeof DonationKind>;
export const DONATION_KIND_LABELS: Record<DonationKind, string> = { funds: '资金', goods: '物资' };

/** What it was for: 抗疫, 助学, 扶贫, 乡村振兴, 其他. */
export const DONATION_PURPOSES = ['covid', 'education', 'poverty', 'rural', 'other'] as const;
export const DonationPurpose = z.enum(DONATION_PURPOSES, {
  error: '捐赠用途应为抗疫、助学、扶贫、乡村振兴或其他',
});
export type DonationPurpose = z.infer<typeof DonationPurpose>;
export const DONATION_PURPOSE_LABELS: Record<DonationPurpose, string> = {
  covid: '抗疫',
  education: '助学',
  poverty: '扶贫',
  rural: '乡村振兴',
  other: '其他',
};

/** A job posting is open (招聘中) or closed (已结束). */
export const POSTING_STATES = ['open', 'closed'] as const;
export const PostingState = z.enum(POSTING_STATES, { error: '招聘状态应为招聘中或已结束' });
export type PostingState = z.infer<typeof PostingState>;
export const POSTING_STATE_LABELS: Record<PostingState, string> = { open: '招聘中', closed: '已结束' };
