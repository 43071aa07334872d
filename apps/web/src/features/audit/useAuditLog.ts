import { useCursorList } from '../../lib/useCursorList';
import { type AuditFilters, auditApi } from './audit.api';

/** The audit log, newest first, a page at a time by keyset cursor. */
export function useAuditLog(filters: AuditFilters) {
  return useCursorList(['audit', 'list', filters], (cursor: number | undefined, signal) =>
    auditApi.list(filters, cursor, signal),
  );
}
