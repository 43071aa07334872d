import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgs } from './orgs';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * The columns of a member's record as written when it is created (also those of a staged import
 * row, db/schema/member-imports.ts): a fresh set of column builders on each call.
 */
export const memberRecordColumns = () => ({
  /** The org's materialized path, copied here so scope filters need no join; kept in step on moves. */
  orgPath: text('org_path').notNull(),
  name: text('name').notNull(),
  /** Full pinyin without tones or spaces (zhangsanfeng) and initials (zsf), for search. */
  namePinyin: text('name_pinyin').notNull(),
  nameInitials: text('name_initials').notNull(),
  gender: text('gender'),
  ethnicity: text('ethnicity'),
  birthDate: day('birth_date'),
  idCipher: text('id_cipher').notNull(),
  idHash: text('id_hash').notNull(),
  idTail: text('id_tail').notNull(),
  idMasked: text('id_masked').notNull(),
  phoneCipher: text('phone_cipher').notNull(),
  phoneHash: text('phone_hash').notNull(),
  phoneTail: text('phone_tail').notNull(),
  phoneMasked: text('phone_masked').notNull(),
  education: text('education'),
  joinedAt: day('joined_at').notNull(),
  fullMemberAt: day('full_member_at'),
  memberType: text('member_type').notNull(),
  homeCounty: text('home_county').notNull(),
  homeOrg: text('home_org'),
  hostDistrict: text('host_district'),
  hostAddress: text('host_address'),
  employer: text('employer'),
  occupation: text('occupation'),
  industry: text('industry'),
  leftHomeAt: day('left_home_at'),
  relationship: text('relationship').notNull(),
  tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  source: text('source').notNull(),
  status: text('status').notNull().default('active'),
  statusSince: day('status_since'),
  lastContactAt: day('last_contact_at'),
  notes: text('notes'),
});

/**
 * The member information base (信息库). ID numbers and phones are stored encrypted, with a
 * keyed hash for exact lookup, the last 4 characters for tail search, and the masked form
 * that lists show; the clear value is never stored.
 */
export const members = pgTable(
  'members',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    ...memberRecordColumns(),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('members_id_hash_idx').on(t.idHash),
    index('members_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.id),
    index('members_org_idx').on(t.orgId),
    index('members_name_prefix_idx').using('btree', t.name.op('text_pattern_ops')),
    // name_pinyin is COLLATE "C" (migration 0006; pinyin is ASCII, so byte order is the natural
    // order): one plain index then serves both the prefix search and the list sorted by name.
    index('members_pinyin_sort_idx').on(t.namePinyin, t.id),
    // The initials prefix search's count (index-only, in heap order) ...
    index('members_initials_idx').using('btree', t.nameInitials.op('text_pattern_ops')),
    // ... and its page: the newest members of exact initials straight from the index (migration 0027).
    index('members_initials_created_idx').using(
      'btree',
      t.nameInitials.op('text_pattern_ops'),
      t.createdAt,
      t.id,
    ),
    index('members_phone_tail_idx').on(t.phoneTail),
    index('members_phone_hash_idx').on(t.phoneHash),
    index('members_id_tail_idx').on(t.idTail),
    index('members_home_county_idx').on(t.homeCounty, t.id),
    index('members_host_district_idx').on(t.hostDistrict, t.id),
    index('members_status_idx').on(t.status),
    index('members_tags_idx').using('gin', t.tags),
    index('members_created_idx').on(t.createdAt, t.id),
  ],
);

/** The status timeline of a member: every change, with its date, reason and who made it. */
export const memberStatusEvents = pgTable(
  'member_status_events',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    effectiveDate: day('effective_date').notNull(),
    reason: text('reason').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('member_status_events_member_idx').on(t.memberId, t.id)],
);
