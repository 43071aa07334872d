import { z } from 'zod';
import { IsoDate, PastDate } from '../common/dates';
import { IdParams, PathId, QueryInt, RecordId, Version } from '../common/ids';
import { OptionalText, Text } from '../common/text';
import { APPEAL_STATES, EVALUATION_GRADES, EVALUATION_STATES } from './grade-names';

export * from './grade-names';

export const EvaluationGrade = z.enum(EVALUATION_GRADES, { error: '等次应为优秀、合格、基本合格或不合格' });
export type EvaluationGrade = z.infer<typeof EvaluationGrade>;

export const EvaluationState = z.enum(EVALUATION_STATES);
export type EvaluationState = z.infer<typeof EvaluationState>;
/**
 * How a participant votes: online (a member account), with a paper code (no login), or not at
 * all (a probationary member takes part and is graded but has no vote).
 */
export const BALLOT_MODES = ['online', 'code', 'none'] as const;
export const BallotMode = z.enum(BALLOT_MODES);
export type BallotMode = z.infer<typeof BallotMode>;

/** The most 优秀 a round of n graded participants may give: one third, rounded down. */
export const maxExcellent = (n: number) => Math.floor(n / 3);

/** Days after the decision within which a member may appeal. */
export const EVALUATION_APPEAL_DAYS = 30;

const Year = z
  .number({ error: '年度应为数字' })
  .int('年度应为整数')
  .min(2000, '年度不能早于 2000')
  .max(2100, '年度不能晚于 2100');

export const EvaluationCreateBody = z.object({
  orgId: RecordId('党支部'),
  year: Year,
  title: Text('名称', { max: 100 }).optional(),
  opensOn: IsoDate('开始日期', { min: '2000-01-01' }),
  closesOn: IsoDate('测评截止日期', { min: '2000-01-01' }),
});
export type EvaluationCreateBody = z.infer<typeof EvaluationCreateBody>;
export type EvaluationCreateInput = z.input<typeof EvaluationCreateBody>;

export const EvaluationListQuery = z.object({
  year: QueryInt('年度', 2000, 2100).optional(),
});
export type EvaluationListQuery = z.infer<typeof EvaluationListQuery>;

export const EvaluationIdParams = IdParams;
export const EvaluationMemberParams = z.object({ id: PathId(), memberId: PathId() });
export const EvaluationAppealParams = z.object({ id: PathId(), appealId: PathId() });

/** Moves the round to its next step (draft → self → peer → voting). */
export const EvaluationStepBody = z.object({ version: Version, to: z.enum(['self', 'peer', 'voting']) });
export type EvaluationStepBody = z.infer<typeof EvaluationStepBody>;

export const EvaluationVersionBody = z.object({ version: Version });
export type EvaluationVersionBody = z.infer<typeof EvaluationVersionBody>;

const GradeCounts = z.object({
  excellent: z.number().int(),
  qualified: z.number().int(),
  basic: z.number().int(),
  unqualified: z.number().int(),
});
export type GradeCounts = z.infer<typeof GradeCounts>;

export const EvaluationRoundResponse = z
  .object({
    id: z.number().int(),
    org: z.object({ id: z.number().int(), name: z.string() }),
    year: z.number().int(),
    title: z.string(),
    state: EvaluationState,
    stateLabel: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    decisionNote: z.string().nullable(),
    decidedOn: z.string().nullable(),
    /** Participants, voters (online and by code), and how many have voted. */
    participants: z.number().int(),
    voters: z.number().int(),
    voted: z.number().int(),
    /** Ballots cast (online and by code); codes issued and used. */
    ballots: z.number().int(),
    codesIssued: z.number().int(),
    codesUsed: z.number().int(),
    /** Fixed grades by grade (after the decision). */
    grades: GradeCounts,
    maxExcellent: z.number().int(),
    openAppeals: z.number().int(),
    version: z.number().int(),
    policies: z.object({ manage: z.boolean() }),
  })
  .meta({ id: 'EvaluationRound' });
export type EvaluationRoundResponse = z.infer<typeof EvaluationRoundResponse>;

export const EvaluationListResponse = z.object({ items: z.array(EvaluationRoundResponse) });
export type EvaluationListResponse = z.infer<typeof EvaluationListResponse>;

export const EvaluationParticipant = z.object({
  member: z.object({ id: z.number().int(), name: z.string() }),
  memberType: z.string(),
  selfGrade: EvaluationGrade.nullable(),
  selfText: z.string().nullable(),
  peerReviews: z.number().int(),
  ballotMode: BallotMode,
  voted: z.boolean(),
  /** The counted votes for the member by grade (zero until counted). */
  votes: GradeCounts,
  finalGrade: EvaluationGrade.nullable(),
  finalNote: z.string().nullable(),
});
export type EvaluationParticipant = z.infer<typeof EvaluationParticipant>;
export const EvaluationParticipantsResponse = z.object({ items: z.array(EvaluationParticipant) });
export type EvaluationParticipantsResponse = z.infer<typeof EvaluationParticipantsResponse>;

/** Which participants received a paper ballot code (they then cannot vote online). */
export const EvaluationBallotModesBody = z.object({
  version: Version,
  codeMemberIds: z.array(RecordId('党员')).max(500, '人数过多'),
});
export type EvaluationBallotModesBody = z.infer<typeof EvaluationBallotModesBody>;

export const EvaluationSelfBody = z.object({
  grade: EvaluationGrade,
  text: Text('自评内容', { min: 1, max: 3000, multiline: true, minMessage: '请填写自评内容' }),
});
export type EvaluationSelfBody = z.infer<typeof EvaluationSelfBody>;

export const EvaluationPeerBody = z.object({
  grade: EvaluationGrade.nullable().optional(),
  comment: Text('评议意见', { min: 1, max: 1000, multiline: true, minMessage: '请填写评议意见' }),
});
export type EvaluationPeerBody = z.infer<typeof EvaluationPeerBody>;

export const EvaluationPeerReview = z.object({
  reviewer: z.object({ id: z.number().int(), name: z.string() }),
  member: z.object({ id: z.number().int(), name: z.string() }),
  grade: EvaluationGrade.nullable(),
  comment: z.string(),
  createdAt: z.string(),
});
export type EvaluationPeerReview = z.infer<typeof EvaluationPeerReview>;
export const EvaluationPeerReviewsResponse = z.object({ items: z.array(EvaluationPeerReview) });
export type EvaluationPeerReviewsResponse = z.infer<typeof EvaluationPeerReviewsResponse>;

const Marks = z
  .array(z.object({ memberId: RecordId('党员'), grade: EvaluationGrade }))
  .min(1, '请为每位党员选择等次')
  .max(500, '人数过多');

/** A ballot: a grade for every participant of the round. */
export const EvaluationBallotBody = z.object({ marks: Marks });
export type EvaluationBallotBody = z.infer<typeof EvaluationBallotBody>;

/** What voting answers: that it was counted, nothing that names the ballot. */
export const EvaluationVotedResponse = z.object({ voted: z.literal(true), ballots: z.number().int() });
export type EvaluationVotedResponse = z.infer<typeof EvaluationVotedResponse>;

export const BallotCode = z
  .string({ error: '请输入测评码' })
  .trim()
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-Z0-9]{10}$/, '测评码应为 10 位字母或数字'));

export const PublicBallotLookupBody = z.object({ code: BallotCode });
export type PublicBallotLookupBody = z.infer<typeof PublicBallotLookupBody>;
export const PublicBallotLookupResponse = z.object({
  title: z.string(),
  org: z.string(),
  members: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type PublicBallotLookupResponse = z.infer<typeof PublicBallotLookupResponse>;
export const PublicBallotBody = z.object({ code: BallotCode, marks: Marks });
export type PublicBallotBody = z.infer<typeof PublicBallotBody>;

export const EvaluationCodesBody = z.object({
  count: z
    .number({ error: '数量应为数字' })
    .int('数量应为整数')
    .min(1, '至少 1 个')
    .max(200, '一次最多 200 个'),
});
export type EvaluationCodesBody = z.infer<typeof EvaluationCodesBody>;
/** The codes, shown once: only their keyed hashes are kept. */
export const EvaluationCodesResponse = z.object({ codes: z.array(z.string()), issued: z.number().int() });
export type EvaluationCodesResponse = z.infer<typeof EvaluationCodesResponse>;
/** The slips to print: codes just generated (each must be an unused code of the round). */
export const EvaluationSlipsBody = z.object({
  codes: z.array(BallotCode).min(1, '没有测评码').max(200, '一次最多 200 个'),
});
export type EvaluationSlipsBody = z.infer<typeof EvaluationSlipsBody>;

export const EvaluationGradesBody = z.object({
  version: Version,
  grades: z
    .array(
      z.object({
        memberId: RecordId('党员'),
        grade: EvaluationGrade,
        note: OptionalText('说明', 500),
      }),
    )
    .min(1, '请确定等次')
    .max(500, '人数过多'),
  decisionNote: Text('支部大会决定', {
    min: 1,
    max: 2000,
    multiline: true,
    minMessage: '请填写支部大会决定',
  }),
  decidedOn: PastDate('决定日期', '2000-01-01'),
});
export type EvaluationGradesBody = z.infer<typeof EvaluationGradesBody>;

export const AppealState = z.enum(APPEAL_STATES);
export type AppealState = z.infer<typeof AppealState>;
export const EvaluationAppealBody = z.object({
  reason: Text('申诉理由', { min: 1, max: 2000, multiline: true, minMessage: '请填写申诉理由' }),
});
export type EvaluationAppealBody = z.infer<typeof EvaluationAppealBody>;

export const EvaluationAnswerBody = z
  .object({
    decision: z.enum(['upheld', 'changed'], { error: '请选择维持或改定' }),
    newGrade: EvaluationGrade.nullable().optional(),
    answer: Text('答复', { min: 1, max: 2000, multiline: true, minMessage: '请填写答复' }),
  })
  .superRefine((b, ctx) => {
    if (b.decision === 'changed' && !b.newGrade)
      ctx.addIssue({ code: 'custom', path: ['newGrade'], message: '请选择改定的等次' });
  });
export type EvaluationAnswerBody = z.infer<typeof EvaluationAnswerBody>;

export const EvaluationAppeal = z.object({
  id: z.number().int(),
  member: z.object({ id: z.number().int(), name: z.string() }),
  reason: z.string(),
  state: AppealState,
  stateLabel: z.string(),
  grade: EvaluationGrade.nullable(),
  newGrade: EvaluationGrade.nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type EvaluationAppeal = z.infer<typeof EvaluationAppeal>;
export const EvaluationAppealsResponse = z.object({ items: z.array(EvaluationAppeal) });
export type EvaluationAppealsResponse = z.infer<typeof EvaluationAppealsResponse>;

/** The member's own view of their latest round (the phone page). */
export const EvaluationMineResponse = z.object({
  round: z
    .object({
      id: z.number().int(),
      title: z.string(),
      year: z.number().int(),
      org: z.string(),
      state: EvaluationState,
      stateLabel: z.string(),
      closesOn: z.string(),
      decidedOn: z.string().nullable(),
    })
    .nullable(),
  me: z
    .object({
      memberId: z.number().int(),
      selfGrade: EvaluationGrade.nullable(),
      selfText: z.string().nullable(),
      ballotMode: BallotMode,
      voted: z.boolean(),
      finalGrade: EvaluationGrade.nullable(),
      /** Whether an appeal can be made now, and the last day for it. */
      canAppeal: z.boolean(),
      appealUntil: z.string().nullable(),
      appeal: EvaluationAppeal.nullable(),
    })
    .nullable(),
  /** The round's participants (to grade on the ballot, to comment on), with what I wrote of each. */
  members: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      myComment: z.string().nullable(),
      myGrade: EvaluationGrade.nullable(),
    }),
  ),
});
export type EvaluationMineResponse = z.infer<typeof EvaluationMineResponse>;
