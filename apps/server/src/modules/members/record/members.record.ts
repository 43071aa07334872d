import { maskIdNumber, maskPhone, parseIdNumber, parsePhone } from '@ningxin/shared';
import type { FieldCrypto } from '../../../lib/field-crypto';
import { namePinyin } from '../../../lib/pinyin';
import type { MemberInsert } from './members.repository';

/** The personal-data columns of a record: ciphertext, keyed hash, tail and masked form. */
export function sensitiveColumns(crypto: FieldCrypto, idNumber: string, phone: string, idHash?: string) {
  return {
    idCipher: crypto.encrypt('idNumber', idNumber),
    idHash: idHash ?? crypto.hash('idNumber', idNumber),
    idTail: idNumber.slice(-4),
    idMasked: maskIdNumber(idNumber),
    phoneCipher: crypto.encrypt('phone', phone),
    phoneHash: crypto.hash('phone', phone),
    phoneTail: phone.slice(-4),
    phoneMasked: maskPhone(phone),
  };
}

export interface MemberInput {
  name: string;
  gender?: string | null | undefined;
  ethnicity?: string | null | undefined;
  birthDate?: string | null | undefined;
  idNumber: string;
  phone: string;
  education?: string | null | undefined;
  joinedAt: string;
  fullMemberAt?: string | null | undefined;
  memberType: string;
  homeCounty: string;
  homeOrg?: string | null | undefined;
  hostDistrict?: string | null | undefined;
  hostAddress?: string | null | undefined;
  employer?: string | null | undefined;
  occupation?: string | null | undefined;
  industry?: string | null | undefined;
  leftHomeAt?: string | null | undefined;
  relationship: string;
  tags?: string[] | undefined;
  source: string;
  lastContactAt?: string | null | undefined;
  notes?: string | null | undefined;
}

/** What a record takes from a parsed ID number. */
export interface ParsedId {
  /** The 18-character form. */
  idNumber: string;
  birthDate: string;
  gender: string;
  /** Its keyed hash, when already computed (an import hashes every number to find duplicates). */
  idHash?: string | undefined;
}

/**
 * The row of a new member from input the contracts already validated: the ID number in its
 * 18-character form, birth date and gender taken from it, pinyin for search, personal data
 * encrypted.
 */
export function buildMemberRow(
  crypto: FieldCrypto,
  input: MemberInput,
  org: { id: number; path: string },
  today: string,
): MemberInsert {
  const id = parseIdNumber(input.idNumber);
  const phone = parsePhone(input.phone);
  if (!id.ok || !phone.ok) throw new Error('buildMemberRow needs validated input');
  return memberRowOf(crypto, { ...input, phone: phone.phone }, id.value, org, today);
}

/**
 * The same row from input whose ID number was parsed already and whose phone is normalised (an
 * import has done both for every row while validating it): nothing is parsed twice.
 */
export function memberRowOf(
  crypto: FieldCrypto,
  input: MemberInput,
  id: ParsedId,
  org: { id: number; path: string },
  today: string,
): MemberInsert {
  const pinyin = namePinyin(input.name);
  return {
    orgId: org.id,
    orgPath: org.path,
    name: input.name,
    namePinyin: pinyin.full,
    nameInitials: pinyin.initials,
    gender: id.gender,
    ethnicity: input.ethnicity ?? null,
    birthDate: id.birthDate,
    ...sensitiveColumns(crypto, id.idNumber, input.phone, id.idHash),
    education: input.education ?? null,
    joinedAt: input.joinedAt,
    fullMemberAt: input.fullMemberAt ?? null,
    memberType: input.memberType,
    homeCounty: input.homeCounty,
    homeOrg: input.homeOrg ?? null,
    hostDistrict: input.hostDistrict ?? null,
    hostAddress: input.hostAddress ?? null,
    employer: input.employer ?? null,
    occupation: input.occupation ?? null,
    industry: input.industry ?? null,
    leftHomeAt: input.leftHomeAt ?? null,
    relationship: input.relationship,
    tags: [...new Set(input.tags ?? [])],
    source: input.source,
    status: 'active',
    statusSince: today,
    lastContactAt: input.lastContactAt ?? null,
    notes: input.notes ?? null,
  };
}
