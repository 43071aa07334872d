import { SYSTEM_ACTOR } from '@ningxin/shared';
import type { memberStatusEvents } from '../db/schema';
import { copyField } from '../lib/copy-text';
import type { FieldCrypto } from '../lib/field-crypto';
import { namePinyin } from '../lib/pinyin';
import { MEMBER_COPY_COLUMNS, memberCopyLine } from '../modules/members/record/members.copy';
import { sensitiveColumns } from '../modules/members/record/members.record';
import type { MemberInsert } from '../modules/members/record/members.repository';
import type { DemoMember } from './demo-members';

export type StatusEventInsert = typeof memberStatusEvents.$inferInsert;

/** Who the seeded timeline events are by. */
export const SEED_ACTOR = SYSTEM_ACTOR;

/**
 * The pinyin of a demo name, composed from a cache of its characters: the surname's reading
 * (单 → shan) and each given character's (the demo's given characters have one reading only, so
 * this equals `namePinyin(name)`; a test holds it to that). pinyin-pro takes ~50 µs a name, and a
 * million members have ~600,000 different names.
 */
export function createPinyinCache() {
  const surnames = new Map<string, { full: string; initials: string }>();
  const given = new Map<string, string>();
  const prefix = namePinyin('王').full;
  return (name: string): { full: string; initials: string } => {
    const chars = [...name];
    let head = surnames.get(chars[0]!);
    if (!head) {
      head = namePinyin(chars[0]!);
      surnames.set(chars[0]!, head);
    }
    let full = head.full;
    let initials = head.initials;
    for (let i = 1; i < chars.length; i++) {
      let p = given.get(chars[i]!);
      if (p === undefined) {
        p = namePinyin(`王${chars[i]}`).full.slice(prefix.length);
        given.set(chars[i]!, p);
      }
      full += p;
      initials += p.slice(0, 1);
    }
    return { full, initials };
  };
}

export type PinyinCache = ReturnType<typeof createPinyinCache>;

/** The members row of a demo member: pinyin for search, personal data encrypted and masked. */
export function demoMemberRow(crypto: FieldCrypto, pinyin: PinyinCache, m: DemoMember): MemberInsert {
  const py = pinyin(m.name);
  return {
    orgId: m.orgId,
    orgPath: m.orgPath,
    name: m.name,
    namePinyin: py.full,
    nameInitials: py.initials,
    gender: m.gender,
    ethnicity: m.ethnicity,
    birthDate: m.birthDate,
    ...sensitiveColumns(crypto, m.idNumber, m.phone),
    education: m.education,
    joinedAt: m.joinedAt,
    fullMemberAt: m.fullMemberAt,
    memberType: m.memberType,
    homeCounty: m.homeCounty,
    homeOrg: m.homeOrg,
    hostDistrict: m.hostDistrict,
    hostAddress: m.hostAddress,
    employer: m.employer,
    occupation: m.occupation,
    industry: m.industry,
    leftHomeAt: m.leftHomeAt,
    relationship: m.relationship,
    tags: m.tags,
    source: m.source,
    status: m.status,
    statusSince: m.statusSince,
    lastContactAt: m.lastContactAt,
    notes: null,
  };
}

/** The timeline of a demo member: the record's creation and, for one not 在册, the change. */
export function demoStatusEvents(memberId: number, m: DemoMember): StatusEventInsert[] {
  const created: StatusEventInsert = {
    memberId,
    fromStatus: null,
    toStatus: 'active',
    effectiveDate: m.registeredAt,
    reason: '建立档案',
    actorId: null,
    actorName: SEED_ACTOR,
  };
  if (m.status === 'active') return [created];
  return [
    created,
    {
      memberId,
      fromStatus: 'active',
      toStatus: m.status,
      effectiveDate: m.statusSince,
      reason: m.statusReason!,
      actorId: null,
      actorName: SEED_ACTOR,
    },
  ];
}

// ---- COPY text format ----

export { memberCopyLine };

/**
 * The columns of the demo's members COPY: the import's, and the time the record entered the
 * base (its registration day), so that "new this month" and the like read as in a real base.
 */
export const DEMO_MEMBER_COPY_COLUMNS = [...MEMBER_COPY_COLUMNS, 'created_at', 'updated_at'] as const;

/** One line of the demo's members COPY: the import's line, then created_at and updated_at. */
export function demoMemberCopyLine(id: number, row: MemberInsert, m: DemoMember): string {
  const enteredAt = `${m.registeredAt} 09:00:00+08`;
  return `${memberCopyLine(id, row).slice(0, -1)}\t${enteredAt}\t${enteredAt}\n`;
}

export const EVENT_COPY_COLUMNS = [
  'member_id',
  'from_status',
  'to_status',
  'effective_date',
  'reason',
  'actor_name',
] as const;

/** One line of `COPY member_status_events (EVENT_COPY_COLUMNS) FROM STDIN`. */
export function eventCopyLine(e: StatusEventInsert): string {
  return `${[e.memberId, e.fromStatus, e.toStatus, e.effectiveDate, e.reason, e.actorName].map(copyField).join('\t')}\n`;
}

/** The COPY text of a run of members with consecutive ids from `firstId`, and of their events. */
export function formatCopyBatch(
  crypto: FieldCrypto,
  pinyin: PinyinCache,
  firstId: number,
  batch: readonly DemoMember[],
): { members: string; events: string } {
  let members = '';
  let events = '';
  for (let k = 0; k < batch.length; k++) {
    const id = firstId + k;
    members += demoMemberCopyLine(id, demoMemberRow(crypto, pinyin, batch[k]!), batch[k]!);
    for (const e of demoStatusEvents(id, batch[k]!)) events += eventCopyLine(e);
  }
  return { members, events };
}
