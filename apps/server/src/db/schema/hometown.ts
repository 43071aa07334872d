import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { members } from './members';
import { orgs } from './orgs';
import { users } from './users';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
/** Money in fen (分): 5 billion yuan is 5e11 fen, past an int, well inside a safe JS number. */
const fen = (name: string) => bigint(name, { mode: 'number' });

/**
 * What members do for the home city (服务家乡): investment projects brought in (引进项目), donations
 * of funds and goods (捐赠), and labour export (劳务输出: job postings by members' enterprises and the
 * placements of hometown workers). Every record names the org that recorded it (its subtree's
 * secretaries keep it) and the home county (流出地) it serves (that county's viewers read it).
 * Money is integer fen; the sector writes 万元, which is a display unit only.
 */

/**
 * An investment project: stage 洽谈 (negotiating) → 签约 (signed) → 开工 (started) → 投产 (producing);
 * each change is a row of hometown_project_stages.
 */
export const hometownProjects = pgTable(
  'hometown_projects',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    industry: text('industry').notNull(),
    /** The home county (division code) and the park or town it went to (蔚县吉家庄镇产业园). */
    countyCode: text('county_code').notNull(),
    park: text('park'),
    /** The enterprises behind it (42 家古典家具企业 may be one name and a count in the note). */
    enterprises: text('enterprises').array().notNull().default(sql`'{}'::text[]`),
    stage: text('stage').notNull(),
    /** The day it was signed (签约), if it was: its year is the year the project counts for. */
    signedOn: day('signed_on'),
    signedFen: fen('signed_fen').notNull().default(0),
    actualFen: fen('actual_fen').notNull().default(0),
    note: text('note'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('hometown_projects_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.id),
    index('hometown_projects_county_idx').on(t.countyCode, t.signedOn),
    check('hometown_projects_money_check', sql`${t.signedFen} >= 0 and ${t.actualFen} >= 0`),
  ],
);

/** The members who brought a project in (招商员). */
export const hometownProjectIntroducers = pgTable(
  'hometown_project_introducers',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => hometownProjects.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.memberId] }),
    index('hometown_introducers_member_idx').on(t.memberId),
  ],
);

/** A project's stage history: which stage, from which day, with a note. */
export const hometownProjectStages = pgTable(
  'hometown_project_stages',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => hometownProjects.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    onDate: day('on_date').notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('hometown_project_stages_project_idx').on(t.projectId, t.onDate)],
);

/** A project's figures for a year: output (产值), tax (税收), jobs (就业岗位). */
export const hometownProjectYears = pgTable(
  'hometown_project_years',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => hometownProjects.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    outputFen: fen('output_fen').notNull().default(0),
    taxFen: fen('tax_fen').notNull().default(0),
    jobs: integer('jobs').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.year] }),
    check('hometown_project_years_check', sql`${t.outputFen} >= 0 and ${t.taxFen} >= 0 and ${t.jobs} >= 0`),
  ],
);

/**
 * A donation: the donor (a member, an org such as a second-level committee, or an enterprise, by
 * name), funds (资金) or goods (物资, valued, with an item list), the purpose (抗疫 covid, 助学
 * education, 扶贫 poverty, 乡村振兴 rural, 其他 other), the recipient (county, and a school or
 * village by name), the day. amountFen is the money given or the goods' valuation.
 */
export const hometownDonations = pgTable(
  'hometown_donations',
  {
    id: serial('id').primaryKey(),
    donorKind: text('donor_kind').notNull(),
    donorMemberId: integer('donor_member_id').references(() => members.id),
    donorOrgId: integer('donor_org_id').references(() => orgs.id),
    /** The donor's name as shown (an enterprise's name; a member's or org's name at the time). */
    donorName: text('donor_name').notNull(),
    kind: text('kind').notNull(),
    amountFen: fen('amount_fen').notNull(),
    purpose: text('purpose').notNull(),
    countyCode: text('county_code').notNull(),
    recipient: text('recipient'),
    donatedOn: day('donated_on').notNull(),
    note: text('note'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('hometown_donations_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.donatedOn),
    index('hometown_donations_county_idx').on(t.countyCode, t.donatedOn),
    index('hometown_donations_member_idx').on(t.donorMemberId),
    check('hometown_donations_amount_check', sql`${t.amountFen} > 0`),
  ],
);

/** The goods of a donation: name, quantity and unit, value. */
export const hometownDonationItems = pgTable(
  'hometown_donation_items',
  {
    id: serial('id').primaryKey(),
    donationId: integer('donation_id')
      .notNull()
      .references(() => hometownDonations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    quantity: numeric('quantity', { precision: 12, scale: 2 }).notNull(),
    unit: text('unit').notNull(),
    valueFen: fen('value_fen').notNull(),
  },
  (t) => [index('hometown_donation_items_donation_idx').on(t.donationId)],
);

/**
 * A job posting by a member's enterprise (用工信息): employer, job, how many, the monthly pay range
 * (fen), where; open (招聘中) or closed (已结束). countyCode: the home county it recruits in, if one.
 */
export const hometownJobPostings = pgTable(
  'hometown_job_postings',
  {
    id: serial('id').primaryKey(),
    employer: text('employer').notNull(),
    employerMemberId: integer('employer_member_id').references(() => members.id),
    title: text('title').notNull(),
    headcount: integer('headcount').notNull(),
    payMinFen: fen('pay_min_fen'),
    payMaxFen: fen('pay_max_fen'),
    place: text('place').notNull(),
    countyCode: text('county_code'),
    postedOn: day('posted_on').notNull(),
    closesOn: day('closes_on'),
    state: text('state').notNull().default('open'),
    note: text('note'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('hometown_job_postings_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.postedOn),
    check('hometown_job_postings_check', sql`${t.headcount} > 0`),
  ],
);

/**
 * Placements of hometown workers (劳务输出): person-times placed from a county in a year, by an
 * employer (and a posting when it came through one), on a day.
 */
export const hometownPlacements = pgTable(
  'hometown_placements',
  {
    id: serial('id').primaryKey(),
    postingId: integer('posting_id').references(() => hometownJobPostings.id, { onDelete: 'set null' }),
    employer: text('employer').notNull(),
    countyCode: text('county_code').notNull(),
    placedOn: day('placed_on').notNull(),
    personTimes: integer('person_times').notNull(),
    note: text('note'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('hometown_placements_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.placedOn),
    index('hometown_placements_county_idx').on(t.countyCode, t.placedOn),
    check('hometown_placements_check', sql`${t.personTimes} > 0`),
  ],
);
