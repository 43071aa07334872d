import {
  divisionName,
  ORG_KIND_LABELS,
  type OrgKind,
  type OrgResponse,
  type OrgTreeNode,
  POSITION_TITLE_LABELS,
  type PositionResponse,
  type PositionTitle,
} from '@ningxin/shared';
import type { OrgRow, OrgTreeRow, PositionRow } from './orgs.repository';

export function mapPosition(p: PositionRow): PositionResponse {
  const title = p.title as PositionTitle;
  return {
    id: p.id,
    orgId: p.orgId,
    title,
    titleLabel: POSITION_TITLE_LABELS[title] ?? p.title,
    holderName: p.holderName,
    termStart: p.termStart,
    termEnd: p.termEnd,
    version: p.version,
  };
}

export function mapOrg(
  org: OrgRow,
  extra: Pick<OrgResponse, 'ancestors' | 'childCount' | 'positions' | 'warnings' | 'policies'>,
): OrgResponse {
  return {
    id: org.id,
    parentId: org.parentId,
    name: org.name,
    kind: org.kind as OrgKind,
    kindLabel: ORG_KIND_LABELS[org.kind as OrgKind] ?? org.kind,
    hostDistrict: org.hostDistrict,
    hostDistrictName: org.hostDistrict ? (divisionName(org.hostDistrict) ?? null) : null,
    status: org.closedAt ? 'closed' : 'active',
    closedAt: org.closedAt ? org.closedAt.toISOString() : null,
    closedReason: org.closedReason,
    ...extra,
    version: org.version,
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
  };
}

/** Nests flat rows under the given root paths; rows whose parent is not present become roots. */
export function buildTree(rows: OrgTreeRow[]): OrgTreeNode[] {
  const nodes = new Map<number, OrgTreeNode>();
  for (const r of rows) {
    nodes.set(r.id, {
      id: r.id,
      name: r.name,
      kind: r.kind as OrgKind,
      closed: r.closedAt !== null,
      children: [],
    });
  }
  const roots: OrgTreeNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    const parent = r.parentId === null ? undefined : nodes.get(r.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Ids of the ancestors named by a materialized path, root first, the org itself excluded. */
export function ancestorIds(path: string): number[] {
  return path.split('.').slice(0, -1).map(Number);
}
