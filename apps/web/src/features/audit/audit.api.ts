import type { AuditListResponse, AuditVerifyResponse } from '@ningxin/shared';
import { api } from '../../lib/api';

/** What the audit page filters by; times are ISO 8601 with offset. */
export interface AuditFilters {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 50;

export const auditApi = {
  list: (filters: AuditFilters, before: number | undefined, signal?: AbortSignal) =>
    api<AuditListResponse>('/audit', { query: { ...filters, limit: AUDIT_PAGE_SIZE, before }, signal }),
  verify: () => api<AuditVerifyResponse>('/audit/verify'),
};
