import type { OrgTreeNode } from '@ningxin/shared';

/** The tree pruned to nodes whose name contains the query, with their ancestors. */
export function filterTree(nodes: OrgTreeNode[], query: string): OrgTreeNode[] {
  const q = query.trim().toLowerCase();
  if (!q) return nodes;
  const out: OrgTreeNode[] = [];
  for (const node of nodes) {
    const children = filterTree(node.children, q);
    if (node.name.toLowerCase().includes(q) || children.length > 0) out.push({ ...node, children });
  }
  return out;
}

/** Ids of every node that has children. */
export function parentIds(nodes: OrgTreeNode[]): number[] {
  const ids: number[] = [];
  const walk = (list: OrgTreeNode[]) => {
    for (const n of list) {
      if (n.children.length > 0) {
        ids.push(n.id);
        walk(n.children);
      }
    }
  };
  walk(nodes);
  return ids;
}

/** Ids from a root down to the node's parent, or null when the node is not in the tree. */
export function ancestorIds(nodes: OrgTreeNode[], id: number): number[] | null {
  for (const n of nodes) {
    if (n.id === id) return [];
    const below = ancestorIds(n.children, id);
    if (below) return [n.id, ...below];
  }
  return null;
}

export function findNode(nodes: OrgTreeNode[], id: number): OrgTreeNode | null {
  for (const n of nodes) {
    if (n.id === id) return n;
    const hit = findNode(n.children, id);
    if (hit) return hit;
  }
  return null;
}

/** The node and everything under it. */
export function subtreeIds(node: OrgTreeNode): Set<number> {
  const ids = new Set<number>([node.id]);
  const walk = (n: OrgTreeNode) => {
    for (const c of n.children) {
      ids.add(c.id);
      walk(c);
    }
  };
  walk(node);
  return ids;
}
