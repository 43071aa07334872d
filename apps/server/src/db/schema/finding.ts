import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
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
 * 党员双找: the organization finds members (组织找党员: campaigns, leads, visits), members find
 * the organization (党员找组织: public registrations and their review), contact and lost contact
 * (流动不流失), certificates (流动党员活动证) and transfers (组织关系转接), and the yearly conduct
 * feedback to the home side. Phones and ID numbers are stored as the members table stores them:
 * encrypted, with a keyed hash for lookup and the masked form for lists.
 */

/** A finding campaign (寻找党员行动): a period, a target, areas, and the finders of the working group. */
export const findingCampaigns = pgTable(
  'finding_campaigns',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** The org that runs the campaign; its subtree's secretaries manage it. */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    startsOn: day('starts_on').notNull(),
    endsOn: day('ends_on').notNull(),
    targetCount: integer('target_count').notNull(),
    /** Host districts (division codes) the campaign covers. */
    districts: text('districts').array().notNull().default(sql`'{}'::text[]`),
    /** Streets, towns or other places, as the working group names them. */
    areaNote: text('area_note'),
    notes: text('notes'),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('finding_campaigns_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'))],
);

/** The finders (工作组) of a campaign: accounts with the role finder. */
export const findingCampaignFinders = pgTable(
  'finding_campaign_finders',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => findingCampaigns.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.userId] }), index('finding_finders_user_idx').on(t.userId)],
);

/**
 * A lead (线索): someone who may be a member from home, where to look, where the tip came from,
 * the finder it is assigned to, and how far the search has gone:
 * new → contacted → visited → found | not_member | not_found.
 */
export const findingLeads = pgTable(
  'finding_leads',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => findingCampaigns.id),
    name: text('name').notNull(),
    phoneCipher: text('phone_cipher'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    idCipher: text('id_cipher'),
    idHash: text('id_hash'),
    idMasked: text('id_masked'),
    homeCounty: text('home_county'),
    hostDistrict: text('host_district'),
    workplace: text('workplace'),
    address: text('address'),
    /** Any other clue: a relative, a trade, where they were last seen. */
    clue: text('clue'),
    /** member_tip, employer, hometown_list, street_office, lost_contact, other. */
    source: text('source').notNull(),
    finderId: integer('finder_id').references(() => users.id),
    state: text('state').notNull().default('new'),
    /** The member found (created or linked), or the lost member the lead looks for. */
    memberId: integer('member_id').references(() => members.id),
    foundOn: day('found_on'),
    lastVisitOn: day('last_visit_on'),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('finding_leads_campaign_idx').on(t.campaignId, t.state, t.id),
    index('finding_leads_finder_idx').on(t.finderId, t.state, t.id),
    index('finding_leads_found_idx').on(t.campaignId, t.foundOn),
    index('finding_leads_member_idx').on(t.memberId),
    index('finding_leads_phone_idx').on(t.phoneHash),
  ],
);

/** A visit log entry of a lead: when, how (phone, visit, wechat), by whom, what came of it. */
export const findingVisits = pgTable(
  'finding_visits',
  {
    id: serial('id').primaryKey(),
    leadId: integer('lead_id')
      .notNull()
      .references(() => findingLeads.id),
    visitedOn: day('visited_on').notNull(),
    method: text('method').notNull(),
    note: text('note'),
    /** The lead's state this visit left it in. */
    stateAfter: text('state_after').notNull(),
    finderId: integer('finder_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('finding_visits_lead_idx').on(t.leadId, t.visitedOn)],
);

/**
 * A self-registration (党员找组织) from the public page, reviewed by the committee or the
 * second-level committee of the member's host district: submitted → accepted | returned |
 * duplicate. One ID number queues once at a time.
 */
export const registrations = pgTable(
  'registrations',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    gender: text('gender'),
    birthDate: day('birth_date'),
    idCipher: text('id_cipher').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    phoneCipher: text('phone_cipher').notNull(),
    phoneHash: text('phone_hash').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    homeCounty: text('home_county').notNull(),
    homeOrg: text('home_org').notNull(),
    joinedAt: day('joined_at'),
    hostDistrict: text('host_district').notNull(),
    hostAddress: text('host_address'),
    employer: text('employer'),
    /** The org that reviews it (the district's second-level committee, or the committee). */
    reviewOrgId: integer('review_org_id')
      .notNull()
      .references(() => orgs.id),
    reviewOrgPath: text('review_org_path').notNull(),
    /** submitted, accepted, returned, duplicate. */
    state: text('state').notNull().default('submitted'),
    reason: text('reason'),
    memberId: integer('member_id').references(() => members.id),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    /** When the applicant ticked the consent (PIPL art. 29) and which text they saw. */
    consentAt: ts('consent_at').notNull(),
    consentVersion: text('consent_version').notNull(),
    version: integer('version').notNull().default(0),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('registrations_queued_id_idx').on(t.idHash).where(sql`state = 'submitted'`),
    index('registrations_id_hash_idx').on(t.idHash, t.submittedAt),
    index('registrations_review_idx').using('btree', t.reviewOrgPath.op('text_pattern_ops'), t.state),
    index('registrations_state_idx').on(t.state, t.submittedAt),
  ],
);

/**
 * The contact log of a member (联系记录): date, method, by whom, result; or a note. Home-side and
 * host-side users add entries too (`side`); the member's last contact date follows from it.
 */
export const memberContacts = pgTable(
  'member_contacts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    contactedOn: day('contacted_on').notNull(),
    /** phone, visit, wechat, sms, meeting, note. */
    method: text('method').notNull(),
    /** reached, not_reached, note. */
    result: text('result').notNull(),
    note: text('note'),
    /** committee, home or host: which side wrote it. */
    side: text('side').notNull().default('committee'),
    byUserId: integer('by_user_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('member_contacts_member_idx').on(t.memberId, t.contactedOn, t.id)],
);

/**
 * Review tasks the lost-contact job raises (the system flags, the people decide):
 * no_contact (no contact for the set days: 待核实), dropout (6 months without Party life: 按自行脱党
 * 审查), suspend (unreachable 6 months: 停止党籍审查), remove (suspended 2 years: 除名审查).
 * One open flag per member and kind.
 */
export const memberFlags = pgTable(
  'member_flags',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind').notNull(),
    raisedOn: day('raised_on').notNull(),
    /** The member's last contact date when raised. */
    lastContactOn: day('last_contact_on'),
    resolvedAt: ts('resolved_at'),
    resolvedBy: integer('resolved_by').references(() => users.id),
    resolution: text('resolution'),
  },
  (t) => [
    uniqueIndex('member_flags_open_idx').on(t.memberId, t.kind).where(sql`resolved_at is null`),
    index('member_flags_kind_idx').on(t.kind, t.raisedOn),
  ],
);

/**
 * The 流动党员活动证 ledger: number, holder, issuing org, destination, reason, validity;
 * valid → revoked; a renewal is a new certificate pointing at the one it renews.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: serial('id').primaryKey(),
    number: text('number').notNull(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    issuingOrgId: integer('issuing_org_id')
      .notNull()
      .references(() => orgs.id),
    issuingOrgPath: text('issuing_org_path').notNull(),
    destination: text('destination').notNull(),
    reason: text('reason').notNull(),
    issuedOn: day('issued_on').notNull(),
    validUntil: day('valid_until').notNull(),
    /** valid or revoked; an expired certificate is a valid one past valid_until. */
    state: text('state').notNull().default('valid'),
    revokedOn: day('revoked_on'),
    revokeReason: text('revoke_reason'),
    renewsId: integer('renews_id'),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('certificates_number_idx').on(t.number),
    index('certificates_member_idx').on(t.memberId),
    index('certificates_valid_until_idx').on(t.state, t.validUntil),
    index('certificates_org_path_idx').using('btree', t.issuingOrgPath.op('text_pattern_ops')),
  ],
);

/**
 * 组织关系转接: an outgoing or incoming transfer with its three-part letter (stub, letter,
 * receipt). The letter is valid ≤ 3 months; the receipt is due within a month; the stub is kept
 * 10 years. issued → completed (receipt back; the member's status or org follows) | cancelled.
 */
export const transfers = pgTable(
  'transfers',
  {
    id: serial('id').primaryKey(),
    letterNumber: text('letter_number').notNull(),
    /** outgoing (from an org of the committee) or incoming (into one). */
    direction: text('direction').notNull(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** The org of the committee on this side of the transfer (scope). */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    /** The other side, as named on the letter. */
    fromOrgName: text('from_org_name').notNull(),
    toOrgName: text('to_org_name').notNull(),
    /** For an incoming transfer: the branch the member joins. */
    toOrgId: integer('to_org_id').references(() => orgs.id),
    reason: text('reason'),
    /** Dues paid up to this month (YYYY-MM). */
    duesPaidUntil: text('dues_paid_until').notNull(),
    issuedOn: day('issued_on').notNull(),
    validUntil: day('valid_until').notNull(),
    receiptDueOn: day('receipt_due_on').notNull(),
    receiptReturnedOn: day('receipt_returned_on'),
    stubKeepUntil: day('stub_keep_until').notNull(),
    /** issued, completed, cancelled. */
    state: text('state').notNull().default('issued'),
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(0),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('transfers_letter_number_idx').on(t.letterNumber),
    index('transfers_member_idx').on(t.memberId),
    index('transfers_receipt_due_idx').on(t.state, t.receiptDueOn),
    index('transfers_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops')),
  ],
);

/**
 * The yearly conduct feedback (现实表现反馈) to the home side: the secretary's comment per member
 * and year, and when it was sent. The figures come from the activity ledger when it is made.
 */
export const memberFeedback = pgTable(
  'member_feedback',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    year: integer('year').notNull(),
    comment: text('comment'),
    sentAt: ts('sent_at'),
    sentBy: integer('sent_by').references(() => users.id),
    version: integer('version').notNull().default(0),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('member_feedback_member_year_idx').on(t.memberId, t.year)],
);
