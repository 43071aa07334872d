import { ACTIVITY_KINDS } from '@ningxin/shared';
import { describe, expect, it } from 'vitest';
import { activityBackfillSql } from './activity.backfill';
import { checkedEntry } from './activity.entry';
import { contactEntry, MEMBERS_SOURCE, statusEntry, statusEventIdOf } from './activity.members';

const change = {
  eventId: 901,
  memberId: 12,
  orgId: 5,
  orgPath: '1.2.5',
  fromStatus: 'active' as const,
  toStatus: 'lost' as const,
  effectiveDate: '2026-03-01',
  reason: '电话停机',
};

describe('status changes as entries', () => {
  it('are members/<event id>, on the effective day, with the reason and the org of the time', () => {
    expect(checkedEntry(statusEntry(change))).toEqual({
      memberId: 12,
      kind: 'status_changed',
      occurredOn: '2026-03-01',
      quantity: 1,
      sourceModule: 'members',
      sourceId: '901',
      title: '电话停机',
      org: { id: 5, path: '1.2.5' },
    });
  });

  it('lead back to their status event, and nothing else does', () => {
    const e = checkedEntry(statusEntry(change));
    expect(statusEventIdOf(e)).toBe(901);
    expect(statusEventIdOf({ ...e, sourceModule: 'life' })).toBeNull();
    expect(statusEventIdOf({ ...e, kind: 'contact' })).toBeNull();
    expect(statusEventIdOf({ ...e, sourceId: 'self_update:3' })).toBeNull();
  });

  it('are written by the backfill migration with the same kind, unit and source', () => {
    const text = activityBackfillSql();
    const select = text.slice(text.indexOf('SELECT'), text.indexOf('FROM'));
    expect(select).toContain(
      `'status_changed', e.effective_date, 1, '${ACTIVITY_KINDS.status_changed.unit}', '${MEMBERS_SOURCE}', e.id::text`,
    );
    expect(text).toMatch(/ON CONFLICT \(source_module, source_id, kind, member_id\) DO NOTHING;\s*$/);
  });
});

describe('a member’s own contact update as an entry', () => {
  it('is one contact, on the day, named by the update', () => {
    expect(
      checkedEntry(
        contactEntry({
          memberId: 12,
          orgId: 5,
          orgPath: '1.2.5',
          on: '2026-12-05',
          sourceId: 'self_update:4',
          via: 'self_update',
        }),
      ),
    ).toMatchObject({
      kind: 'contact',
      occurredOn: '2026-12-05',
      quantity: 1,
      sourceModule: 'members',
      sourceId: 'self_update:4',
      title: '本人更新联系方式',
    });
  });
});
