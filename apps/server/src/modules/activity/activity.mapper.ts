import {
  ACTIVITY_KIND_LIST,
  ACTIVITY_KINDS,
  type ActivityItem,
  type ActivityKind,
  type ActivityStatusChange,
  type ActivityTotal,
  type MemberStatus,
} from '@ningxin/shared';
import type { ActivityRow } from './activity.repository';

/** A status event of the member's timeline, as the members module gives it. */
export interface StatusEventFacts {
  id: number;
  fromStatus: string | null;
  toStatus: string;
  actorName: string | null;
  actorDisplayName: string | null;
}

export function mapStatusChange(e: StatusEventFacts): ActivityStatusChange {
  return {
    fromStatus: (e.fromStatus as MemberStatus | null) ?? null,
    toStatus: e.toStatus as MemberStatus,
    actorName: e.actorName,
    actorDisplayName: e.actorDisplayName,
  };
}

export function mapItem(
  r: ActivityRow,
  extra: { orgName: string | null; statusChange: ActivityStatusChange | null },
): ActivityItem {
  const kind = r.kind as ActivityKind;
  return {
    id: r.id,
    kind,
    occurredOn: r.occurredOn,
    quantity: Number(r.quantity),
    unit: ACTIVITY_KINDS[kind].unit,
    title: r.title,
    orgId: r.orgId,
    orgName: extra.orgName,
    source: { module: r.sourceModule, id: r.sourceId },
    recordedAt: r.createdAt.toISOString(),
    statusChange: extra.statusChange,
  };
}

/** A year's sums by kind, in the order of the kinds' list. */
export function mapTotals(
  rows: readonly { kind: string; quantity: string; entries: number }[],
): ActivityTotal[] {
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return ACTIVITY_KIND_LIST.flatMap((kind) => {
    const r = byKind.get(kind);
    return r
      ? [{ kind, unit: ACTIVITY_KINDS[kind].unit, quantity: Number(r.quantity), entries: r.entries }]
      : [];
  });
}
