import {
  AUDIT_ACTION_LABELS,
  ORG_KIND_LABELS,
  type OrgKind,
  POSITION_TITLE_LABELS,
  type PositionTitle,
  ROLE_LABELS,
  type Role,
} from '@ningxin/shared';
import { useMemo } from 'react';
import { enLabels } from './en';
import { useLanguage } from './useLanguage';

export interface Labels {
  role: (role: Role, fallback?: string) => string;
  orgKind: (kind: OrgKind, fallback?: string) => string;
  positionTitle: (title: PositionTitle, fallback?: string) => string;
  auditAction: (action: string, fallback?: string) => string;
}

/** Names of the shared code tables in the current language (Chinese from @ningxin/shared). */
export function useLabels(): Labels {
  const language = useLanguage();
  return useMemo(() => {
    const zh = language !== 'en';
    return {
      role: (role, fallback) => (zh ? ROLE_LABELS[role] : enLabels.role[role]) ?? fallback ?? role,
      orgKind: (kind, fallback) => (zh ? ORG_KIND_LABELS[kind] : enLabels.orgKind[kind]) ?? fallback ?? kind,
      positionTitle: (title, fallback) =>
        (zh ? POSITION_TITLE_LABELS[title] : enLabels.positionTitle[title]) ?? fallback ?? title,
      auditAction: (action, fallback) =>
        (zh ? AUDIT_ACTION_LABELS[action] : enLabels.auditAction[action]) ?? fallback ?? action,
    };
  }, [language]);
}
