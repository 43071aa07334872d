import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { members } from './members';
import { orgs } from './orgs';
import { users } from './users';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * Volunteering (志愿服务): campaigns (e.g. 平安守望) with their posts (点位), shifts per post, the
 * roster of members on each shift and what became of each place (签到, 签退, 未到岗), supervision
 * rounds (巡查督导) and incidents; and hours members report for service outside campaigns, which a
 * secretary approves. Checked-out shifts and approved hours are written to the member activity
 * ledger as volunteer hours by the service module.
 */

/**
 * A campaign, organized by an org (its subtree's secretaries manage it) with other orgs as
 * co-organizers, at a partner street or community of the host side.
 * state: draft (草稿) → open (进行中: the roster is open, shifts run) → finished (已结束), or cancelled.
 */
export const volunteerCampaigns = pgTable(
  'volunteer_campaigns',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    description: text('description'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    /** Co-organizing orgs (协办), shown with the campaign. */
    coOrgIds: integer('co_org_ids').array().notNull().default(sql`'{}'::int[]`),
    /** The partner on the host side (大栅栏街道, a community) and its district (流入地). */
    partnerName: text('partner_name'),
    hostDistrict: text('host_district'),
    startsOn: day('starts_on').notNull(),
    endsOn: day('ends_on').notNull(),
    /** Whether members of the audience may put themselves on a shift (报名). */
    selfSignup: boolean('self_signup').notNull().default(true),
    /** Who may sign up: members of these org subtrees (empty: the organizer's subtree). */
    audienceOrgIds: integer('audience_org_ids').array().notNull().default(sql`'{}'::int[]`),
    state: text('state').notNull().default('draft'),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('volunteer_campaigns_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.startsOn),
    index('volunteer_campaigns_host_idx').on(t.hostDistrict, t.startsOn),
    check('volunteer_campaigns_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/**
 * A post (点位): where volunteers stand, what they do there (task: traffic 交通疏导, patrol
 * 治安巡逻, hazard 安全隐患排查, or custom with customTask naming it), how many per shift, and its
 * leader (a member, who checks volunteers in and out on a phone).
 */
export const volunteerPosts = pgTable(
  'volunteer_posts',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => volunteerCampaigns.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    address: text('address'),
    task: text('task').notNull(),
    customTask: text('custom_task'),
    /** Volunteers wanted per shift. */
    headcount: integer('headcount').notNull(),
    leaderMemberId: integer('leader_member_id').references(() => members.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('volunteer_posts_campaign_idx').on(t.campaignId),
    index('volunteer_posts_leader_idx').on(t.leaderMemberId),
    check('volunteer_posts_headcount_check', sql`${t.headcount} > 0`),
  ],
);

/**
 * A shift at a post: a day and a time window. People served (服务人次) is counted per shift. A shift
 * nobody checked out of is closed by the daily job after its end plus the grace period (closedAt,
 * autoClosed).
 */
export const volunteerShifts = pgTable(
  'volunteer_shifts',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => volunteerCampaigns.id, { onDelete: 'cascade' }),
    postId: integer('post_id')
      .notNull()
      .references(() => volunteerPosts.id, { onDelete: 'cascade' }),
    onDate: day('on_date').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    /** People served during the shift (服务人次), as the post leader reports it. */
    servedCount: integer('served_count').notNull().default(0),
    closedAt: ts('closed_at'),
    autoClosed: boolean('auto_closed').notNull().default(false),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('volunteer_shifts_post_idx').on(t.postId, t.startsAt),
    index('volunteer_shifts_campaign_idx').on(t.campaignId, t.onDate),
    // The job that closes shifts: open shifts by end.
    index('volunteer_shifts_open_idx').on(t.endsAt).where(sql`${t.closedAt} is null`),
    check('volunteer_shifts_window_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('volunteer_shifts_served_check', sql`${t.servedCount} >= 0`),
  ],
);

/**
 * A member's place on a shift: scheduled (已排班) → checked_in (已签到) → checked_out (已签退), or
 * no_show (未到岗). source: assigned (组织安排), self (本人报名), walk_in (现场加入, accepted by the
 * leader). Channels: qr (扫码) or manual (手工). hours come from the check times when checked out;
 * autoClosed marks a check-out the job wrote with the shift's planned end.
 * startsAt / endsAt repeat the shift's window so a member's overlapping places (conflicts) are found
 * by one index.
 */
export const volunteerAssignments = pgTable(
  'volunteer_assignments',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => volunteerCampaigns.id, { onDelete: 'cascade' }),
    shiftId: integer('shift_id')
      .notNull()
      .references(() => volunteerShifts.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    state: text('state').notNull().default('scheduled'),
    source: text('source').notNull(),
    checkedInAt: ts('checked_in_at'),
    checkInChannel: text('check_in_channel'),
    checkedOutAt: ts('checked_out_at'),
    checkOutChannel: text('check_out_channel'),
    autoClosed: boolean('auto_closed').notNull().default(false),
    hours: numeric('hours', { precision: 5, scale: 2 }),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('volunteer_assignments_shift_member_idx').on(t.shiftId, t.memberId),
    index('volunteer_assignments_member_idx').on(t.memberId, t.startsAt),
    index('volunteer_assignments_campaign_idx').on(t.campaignId, t.state),
  ],
);

/**
 * A scan of a post's QR code, kept so a replayed scan (the same code and nonce again) is
 * answered with what the first one did instead of acting twice.
 */
export const volunteerScans = pgTable(
  'volunteer_scans',
  {
    id: serial('id').primaryKey(),
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => volunteerAssignments.id, { onDelete: 'cascade' }),
    /** in (签到) or out (签退). */
    kind: text('kind').notNull(),
    /** The scanning device's one-time value for this scan. */
    nonce: text('nonce').notNull(),
    scannedAt: ts('scanned_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('volunteer_scans_nonce_idx').on(t.assignmentId, t.nonce)],
);

/** A supervision round (巡查督导): who inspected, when, where, what they found. */
export const volunteerRounds = pgTable(
  'volunteer_rounds',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => volunteerCampaigns.id, { onDelete: 'cascade' }),
    postId: integer('post_id').references(() => volunteerPosts.id, { onDelete: 'set null' }),
    inspector: text('inspector').notNull(),
    at: ts('at').notNull(),
    findings: text('findings').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('volunteer_rounds_campaign_idx').on(t.campaignId, t.at)],
);

/**
 * An incident or note at a campaign: injury (受伤), hazard found (发现隐患), or another note; at a
 * post, on a shift, about a member where it concerns one. Photos are files (owner volunteer_incident).
 */
export const volunteerIncidents = pgTable(
  'volunteer_incidents',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => volunteerCampaigns.id, { onDelete: 'cascade' }),
    postId: integer('post_id').references(() => volunteerPosts.id, { onDelete: 'set null' }),
    shiftId: integer('shift_id').references(() => volunteerShifts.id, { onDelete: 'set null' }),
    memberId: integer('member_id').references(() => members.id),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('volunteer_incidents_campaign_idx').on(t.campaignId, t.occurredAt)],
);

/**
 * Hours a member reports for service outside campaigns (自主志愿服务): what, where, when, how long;
 * the member's org at the time (its secretaries decide). state: submitted (待审核) → approved (已通过)
 * or rejected (未通过, with the reason), or withdrawn (已撤回) by the member while submitted; an approved
 * entry is written to the activity ledger.
 */
export const volunteerHours = pgTable(
  'volunteer_hours',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    servedOn: day('served_on').notNull(),
    hours: numeric('hours', { precision: 5, scale: 1 }).notNull(),
    description: text('description').notNull(),
    place: text('place'),
    state: text('state').notNull().default('submitted'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    decisionNote: text('decision_note'),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('volunteer_hours_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.state),
    index('volunteer_hours_member_idx').on(t.memberId, t.servedOn),
    check('volunteer_hours_hours_check', sql`${t.hours} > 0 and ${t.hours} <= 24`),
  ],
);
