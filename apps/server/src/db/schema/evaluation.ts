import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { members } from './members';
import { orgs } from './orgs';
import { users } from './users';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * The yearly evaluation (民主评议党员): a round per branch and year, in steps: self-assessment
 * (个人自评), peer assessment (党员互评), an anonymous vote (民主测评), then the branch decides each
 * member's grade (优秀 excellent / 合格 qualified / 基本合格 basic / 不合格 unqualified; at most one
 * third 优秀) and members may appeal.
 *
 * The vote is secret: a ballot (evaluation_ballots, a random id and the round, nothing else: no
 * voter, no time) holds a grade for each member; that a member has voted is a flag on the member's
 * participation (voted), so each votes once and nobody can tell which ballot is whose. Members
 * without a login vote with a one-time code (evaluation_ballot_codes: a keyed hash of the code and
 * whether it was used, not whom it was given to); the secretary marks whom codes were handed to
 * (ballotMode 'code'), so those members do not also vote online.
 */

/**
 * A round: state draft (准备) → self (自评) → peer (互评) → voting (测评投票) → counted (已计票) →
 * decided (已确定等次). closesOn: the day the vote is meant to end.
 */
export const evaluationRounds = pgTable(
  'evaluation_rounds',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    state: text('state').notNull().default('draft'),
    opensOn: day('opens_on').notNull(),
    closesOn: day('closes_on').notNull(),
    /** The branch meeting's decision (支部大会决定), recorded when the grades are fixed. */
    decisionNote: text('decision_note'),
    decidedOn: day('decided_on'),
    decidedBy: integer('decided_by').references(() => users.id),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evaluation_rounds_org_year_idx').on(t.orgId, t.year),
    index('evaluation_rounds_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.year),
    check('evaluation_rounds_dates_check', sql`${t.closesOn} >= ${t.opensOn}`),
  ],
);

/**
 * A member in a round: the self-assessment (grade and text), whether the member has voted and
 * how (online, or with a paper code), the counted votes for the member by grade, the grade the
 * branch fixed (finalGrade) and its note.
 */
export const evaluationParticipants = pgTable(
  'evaluation_participants',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => evaluationRounds.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    selfGrade: text('self_grade'),
    selfText: text('self_text'),
    selfAt: ts('self_at'),
    /** online (votes signed in), code (was handed a paper code), none (probationary: no vote). */
    ballotMode: text('ballot_mode').notNull().default('online'),
    voted: boolean('voted').notNull().default(false),
    votesExcellent: integer('votes_excellent').notNull().default(0),
    votesQualified: integer('votes_qualified').notNull().default(0),
    votesBasic: integer('votes_basic').notNull().default(0),
    votesUnqualified: integer('votes_unqualified').notNull().default(0),
    finalGrade: text('final_grade'),
    finalNote: text('final_note'),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.memberId] }),
    index('evaluation_participants_member_idx').on(t.memberId),
  ],
);

/** Peer assessment (互评): what one member writes of another, signed, with a suggested grade. */
export const evaluationPeerReviews = pgTable(
  'evaluation_peer_reviews',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => evaluationRounds.id, { onDelete: 'cascade' }),
    reviewerMemberId: integer('reviewer_member_id')
      .notNull()
      .references(() => members.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    grade: text('grade'),
    comment: text('comment').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.reviewerMemberId, t.memberId] }),
    check('evaluation_peer_reviews_self_check', sql`${t.reviewerMemberId} <> ${t.memberId}`),
  ],
);

/** A secret ballot: a random id and its round; nothing about who cast it or when. */
export const evaluationBallots = pgTable(
  'evaluation_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: integer('round_id')
      .notNull()
      .references(() => evaluationRounds.id, { onDelete: 'cascade' }),
  },
  (t) => [index('evaluation_ballots_round_idx').on(t.roundId)],
);

/** The grade a ballot gives one member. */
export const evaluationBallotMarks = pgTable(
  'evaluation_ballot_marks',
  {
    ballotId: uuid('ballot_id')
      .notNull()
      .references(() => evaluationBallots.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    grade: text('grade').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ballotId, t.memberId] })],
);

/** One-time ballot codes of a round, as keyed hashes; a used code cannot vote again. */
export const evaluationBallotCodes = pgTable(
  'evaluation_ballot_codes',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => evaluationRounds.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    used: boolean('used').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.codeHash] })],
);

/**
 * An appeal (申诉) against the fixed grade: state submitted (待处理) → upheld (维持原等次) or changed
 * (改为 newGrade), with the answer.
 */
export const evaluationAppeals = pgTable(
  'evaluation_appeals',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => evaluationRounds.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    reason: text('reason').notNull(),
    state: text('state').notNull().default('submitted'),
    newGrade: text('new_grade'),
    answer: text('answer'),
    answeredBy: integer('answered_by').references(() => users.id),
    answeredAt: ts('answered_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('evaluation_appeals_round_idx').on(t.roundId, t.state)],
);
