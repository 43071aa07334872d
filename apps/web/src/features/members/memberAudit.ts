import {
  divisionName,
  type Gender,
  type MemberSource,
  type MemberStatus,
  type MemberType,
  type RelationshipType,
} from '@ningxin/shared';
import type { Labels } from '../../app/i18n/useLabels';
import type { Translation } from '../../app/i18n/zh-CN';

export type MemberFieldKey = keyof Translation['memberFields'];

/** A field of an audit entry that changed, with its values before and after. */
export interface FieldChange {
  field: MemberFieldKey;
  before: unknown;
  after: unknown;
}

/** The audit view's column names mapped to the record's field names (masked columns as the field). */
const FIELD_OF: Record<string, MemberFieldKey> = {
  idMasked: 'idNumber',
  phoneMasked: 'phone',
};

/** Bookkeeping columns that say nothing to a reader. */
const SKIPPED = new Set(['id', 'version', 'orgPath', 'idTail', 'phoneTail', 'statusSince']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The fields that differ between an entry's before and after, in the order of the field list;
 * unknown keys are left out. Works for full records and for partial ones (a status change).
 */
export function fieldChanges(
  before: unknown,
  after: unknown,
  fieldKeys: readonly MemberFieldKey[],
): FieldChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const byField = new Map<MemberFieldKey, FieldChange>();
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (SKIPPED.has(key)) continue;
    const field = FIELD_OF[key] ?? (key as MemberFieldKey);
    if (!fieldKeys.includes(field)) continue;
    if (JSON.stringify(b[key] ?? null) === JSON.stringify(a[key] ?? null)) continue;
    byField.set(field, { field, before: b[key] ?? null, after: a[key] ?? null });
  }
  return fieldKeys.flatMap((k) => byField.get(k) ?? []);
}

/** A stored value as a reader would say it: codes by their names, lists joined. */
export function formatFieldValue(
  field: MemberFieldKey,
  value: unknown,
  labels: Labels,
  empty: string,
): string {
  if (value === null || value === undefined || value === '') return empty;
  if (Array.isArray(value)) return value.length ? value.join('、') : empty;
  const s = String(value);
  switch (field) {
    case 'status':
      return labels.memberStatus(s as MemberStatus);
    case 'gender':
      return labels.gender(s as Gender);
    case 'memberType':
      return labels.memberType(s as MemberType);
    case 'relationship':
      return labels.relationship(s as RelationshipType);
    case 'source':
      return labels.memberSource(s as MemberSource);
    case 'education':
      return labels.education(s);
    case 'ethnicity':
      return labels.ethnicity(s);
    case 'homeCounty':
    case 'hostDistrict':
      return divisionName(s) ?? s;
    default:
      return s;
  }
}
