import type {
  Gender,
  MemberCreateInput,
  MemberResponse,
  MemberType,
  MemberUpdateBody,
  RelationshipType,
} from '@ningxin/shared';
import dayjs, { type Dayjs } from 'dayjs';

/** The create/edit form's values: dates as dayjs for the pickers, codes as they are sent. */
export interface MemberFormValues {
  name: string;
  idNumber?: string;
  phone?: string;
  gender?: Gender | null;
  birthDate?: Dayjs | null;
  ethnicity?: string | null;
  education?: string | null;
  joinedAt?: Dayjs | null;
  fullMemberAt?: Dayjs | null;
  memberType: MemberType;
  relationship: RelationshipType;
  orgId?: number;
  tags: string[];
  homeCounty?: string;
  homeOrg?: string | null;
  leftHomeAt?: Dayjs | null;
  hostDistrict?: string | null;
  hostAddress?: string | null;
  employer?: string | null;
  occupation?: string | null;
  industry?: string | null;
  lastContactAt?: Dayjs | null;
  notes?: string | null;
}

const toDay = (iso: string | null | undefined) => (iso ? dayjs(iso) : null);
const toIso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export function toFormValues(m: MemberResponse | null): Partial<MemberFormValues> {
  if (!m) return { memberType: 'full', relationship: 'certificate', tags: [] };
  return {
    name: m.name,
    gender: m.gender,
    birthDate: toDay(m.birthDate),
    ethnicity: m.ethnicity,
    education: m.education,
    joinedAt: toDay(m.joinedAt),
    fullMemberAt: toDay(m.fullMemberAt),
    memberType: m.memberType,
    relationship: m.relationship,
    orgId: m.orgId,
    tags: m.tags,
    homeCounty: m.homeCounty,
    homeOrg: m.homeOrg,
    leftHomeAt: toDay(m.leftHomeAt),
    hostDistrict: m.hostDistrict,
    hostAddress: m.hostAddress,
    employer: m.employer,
    occupation: m.occupation,
    industry: m.industry,
    lastContactAt: toDay(m.lastContactAt),
    notes: m.notes,
  };
}

/**
 * The fields both bodies share. A cleared field is sent as null (an edit then clears it; left
 * undefined it would be dropped from the JSON and silently kept).
 */
function common(v: MemberFormValues) {
  return {
    name: v.name?.trim() ?? '',
    gender: v.gender ?? null,
    birthDate: toIso(v.birthDate),
    ethnicity: v.ethnicity ?? null,
    education: v.education ?? null,
    joinedAt: toIso(v.joinedAt) ?? '',
    fullMemberAt: toIso(v.fullMemberAt),
    memberType: v.memberType,
    relationship: v.relationship,
    orgId: v.orgId ?? 0,
    tags: (v.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    homeCounty: v.homeCounty ?? '',
    homeOrg: text(v.homeOrg),
    leftHomeAt: toIso(v.leftHomeAt),
    hostDistrict: v.hostDistrict ?? null,
    hostAddress: text(v.hostAddress),
    employer: text(v.employer),
    occupation: text(v.occupation),
    industry: text(v.industry),
    lastContactAt: toIso(v.lastContactAt),
    notes: text(v.notes),
  };
}

export function toCreateBody(v: MemberFormValues): MemberCreateInput {
  return { ...common(v), idNumber: v.idNumber?.trim() ?? '', phone: v.phone?.trim() ?? '', source: 'manual' };
}

/** An edit sends the ID number and phone only when a new one was typed (the form shows them masked). */
export function toUpdateBody(v: MemberFormValues, version: number): MemberUpdateBody {
  const idNumber = v.idNumber?.trim();
  const phone = v.phone?.trim();
  return {
    ...common(v),
    ...(idNumber ? { idNumber } : {}),
    ...(phone ? { phone } : {}),
    version,
  };
}
