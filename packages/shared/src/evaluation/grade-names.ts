/**
 * The grades (等次) of the annual evaluation, its states and the states of an appeal, with their
 * Chinese names and the grades' points, without zod (the schemas in ./index.ts build on these lists).
 */

type EvaluationGrade = (typeof EVALUATION_GRADES)[number];
type EvaluationState = (typeof EVALUATION_STATES)[number];
type AppealState = (typeof APPEAL_STATES)[number];

/** Contracts of the yearly evaluation (民主评议党员): rounds, self and peer assessment, the vote, grades, appeals. */

/** 优秀 / 合格 / 基本合格 / 不合格. */
export const EVALUATION_GRADES = ['excellent', 'qualified', 'basic', 'unqualified'] as const;

export const EVALUATION_GRADE_LABELS: Record<EvaluationGrade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basic: '基本合格',
  unqualified: '不合格',
};

/** The points a grade adds to the member's ledger (kind `evaluation`). */
export const EVALUATION_GRADE_POINTS: Record<EvaluationGrade, number> = {
  excellent: 4,
  qualified: 3,
  basic: 2,
  unqualified: 1,
};

/** The steps of a round, in order. */
export const EVALUATION_STATES = ['draft', 'self', 'peer', 'voting', 'counted', 'decided'] as const;

export const EVALUATION_STATE_LABELS: Record<EvaluationState, string> = {
  draft: '准备',
  self: '个人自评',
  peer: '党员互评',
  voting: '民主测评',
  counted: '已计票',
  decided: '已确定等次',
};

export const APPEAL_STATES = ['submitted', 'upheld', 'changed'] as const;

export const APPEAL_STATE_LABELS: Record<AppealState, string> = {
  submitted: '待处理',
  upheld: '维持原等次',
  changed: '已改定等次',
};
