import {
  ACTIVITY_KINDS,
  ACTIVITY_UNIT_LABELS,
  type ActivityKind,
  type ActivityUnit,
  AUDIT_ACTIONS,
  codeName,
  EDUCATION_LEVELS,
  ETHNICITIES,
  GENDER_LABELS,
  type Gender,
  isAuditAction,
  MEMBER_SOURCE_LABELS,
  MEMBER_STATUS_LABELS,
  MEMBER_TYPE_LABELS,
  type MemberSource,
  type MemberStatus,
  type MemberType,
  ORG_KIND_LABELS,
  type OrgKind,
  POSITION_TITLE_LABELS,
  type PositionTitle,
  RELATIONSHIP_LABELS,
  type RelationshipType,
  ROLE_LABELS,
  type Role,
} from '@ningxin/shared';
import { useMemo } from 'react';
import { englishLabels } from './englishLabels';
import { useLanguage } from './useLanguage';

export interface Labels {
  role: (role: Role, fallback?: string) => string;
  orgKind: (kind: OrgKind, fallback?: string) => string;
  positionTitle: (title: PositionTitle, fallback?: string) => string;
  auditAction: (action: string, fallback?: string) => string;
  memberStatus: (status: MemberStatus) => string;
  memberType: (type: MemberType) => string;
  relationship: (type: RelationshipType) => string;
  memberSource: (source: MemberSource) => string;
  gender: (gender: Gender | null | undefined) => string;
  /** 学历 by code; '—' for none. */
  education: (code: string | null | undefined) => string;
  /** 民族 by code (the names stay Chinese: they are proper names); '—' for none. */
  ethnicity: (code: string | null | undefined) => string;
  /** 履历 entry kinds and the units their quantities are shown in (fen as 元). */
  activityKind: (kind: ActivityKind) => string;
  activityUnit: (unit: ActivityUnit) => string;
}

/** Names of the shared code tables in the current language (Chinese from @ningxin/shared). */
export function useLabels(): Labels {
  const language = useLanguage();
  return useMemo(() => {
    // English once its names have come (they come with English's first chunk), else Chinese.
    const en = language === 'en' ? englishLabels() : undefined;
    const zh = !en;
    return {
      role: (role, fallback) => (zh ? ROLE_LABELS[role] : en.role[role]) ?? fallback ?? role,
      orgKind: (kind, fallback) => (zh ? ORG_KIND_LABELS[kind] : en.orgKind[kind]) ?? fallback ?? kind,
      positionTitle: (title, fallback) =>
        (zh ? POSITION_TITLE_LABELS[title] : en.positionTitle[title]) ?? fallback ?? title,
      auditAction: (action, fallback) =>
        isAuditAction(action) ? (zh ? AUDIT_ACTIONS : en.auditAction)[action] : (fallback ?? action),
      memberStatus: (s) => (zh ? MEMBER_STATUS_LABELS[s] : en.memberStatus[s]) ?? s,
      memberType: (m) => (zh ? MEMBER_TYPE_LABELS[m] : en.memberType[m]) ?? m,
      relationship: (r) => (zh ? RELATIONSHIP_LABELS[r] : en.relationship[r]) ?? r,
      memberSource: (s) => (zh ? MEMBER_SOURCE_LABELS[s] : en.memberSource[s]) ?? s,
      gender: (g) => (g ? ((zh ? GENDER_LABELS[g] : en.gender[g]) ?? g) : '—'),
      education: (code) =>
        code
          ? ((zh ? codeName(EDUCATION_LEVELS, code) : en.education[code]) ??
            codeName(EDUCATION_LEVELS, code) ??
            code)
          : '—',
      ethnicity: (code) => (code ? (codeName(ETHNICITIES, code) ?? code) : '—'),
      activityKind: (k) => (zh ? ACTIVITY_KINDS[k]?.label : en.activityKind[k]) ?? k,
      activityUnit: (u) => (zh ? ACTIVITY_UNIT_LABELS[u] : en.activityUnit[u]) ?? u,
    };
  }, [language]);
}
