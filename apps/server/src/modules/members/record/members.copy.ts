import { copyArray, copyField as f } from '../../../lib/copy-text';
import type { MemberInsert } from './members.repository';

/**
 * The members columns a bulk COPY writes (the demo load and the Excel import), in order; the
 * rest (version, timestamps) take their defaults.
 */
export const MEMBER_COPY_COLUMNS = [
  'id',
  'org_id',
  'org_path',
  'name',
  'name_pinyin',
  'name_initials',
  'gender',
  'ethnicity',
  'birth_date',
  'id_cipher',
  'id_hash',
  'id_tail',
  'id_masked',
  'phone_cipher',
  'phone_hash',
  'phone_tail',
  'phone_masked',
  'education',
  'joined_at',
  'full_member_at',
  'member_type',
  'home_county',
  'home_org',
  'host_district',
  'host_address',
  'employer',
  'occupation',
  'industry',
  'left_home_at',
  'relationship',
  'tags',
  'source',
  'status',
  'status_since',
  'last_contact_at',
  'notes',
] as const;

/** One line of `COPY members (MEMBER_COPY_COLUMNS) FROM STDIN`, in PostgreSQL's text format. */
export function memberCopyLine(id: number, r: MemberInsert): string {
  return (
    `${id}\t${r.orgId}\t${f(r.orgPath)}\t${f(r.name)}\t${f(r.namePinyin)}\t${f(r.nameInitials)}\t` +
    `${f(r.gender)}\t${f(r.ethnicity)}\t${f(r.birthDate)}\t${f(r.idCipher)}\t${f(r.idHash)}\t` +
    `${f(r.idTail)}\t${f(r.idMasked)}\t${f(r.phoneCipher)}\t${f(r.phoneHash)}\t${f(r.phoneTail)}\t` +
    `${f(r.phoneMasked)}\t${f(r.education)}\t${f(r.joinedAt)}\t${f(r.fullMemberAt)}\t${f(r.memberType)}\t` +
    `${f(r.homeCounty)}\t${f(r.homeOrg)}\t${f(r.hostDistrict)}\t${f(r.hostAddress)}\t${f(r.employer)}\t` +
    `${f(r.occupation)}\t${f(r.industry)}\t${f(r.leftHomeAt)}\t${f(r.relationship)}\t${copyArray(r.tags ?? [])}\t` +
    `${f(r.source)}\t${f(r.status)}\t${f(r.statusSince)}\t${f(r.lastContactAt)}\t${f(r.notes)}\n`
  );
}
