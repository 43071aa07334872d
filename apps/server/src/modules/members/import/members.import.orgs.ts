/**
 * The orgs an import may place members in — open, within the actor's import scope — and the
 * look-up of a 所在党组织 cell among them: by name when that is unique, else by the name with its
 * parents before it (`驻北京通州区流动党委/建筑业流动党支部`).
 */
import type { OrgTreeNode } from '@ningxin/shared';
import type { Db, Executor } from '../../../db/client';
import { type Actor, coversOrgPath } from '../../../policy/policy';
import type { OrgsService } from '../../orgs/orgs.service';
import { orgNotUsable } from '../members.errors';
import type { OrgMatch } from './members.import.row';

export interface ImportOrg {
  id: number;
  path: string;
  name: string;
  /** Names from the top of the actor's visible tree down to this org. */
  names: string[];
}

const clean = (s: string) => s.replace(/[\s\u3000]+/g, '');
const SEPARATORS = /[/／>＞\\]+/;

/** The org, if it is open and within the actor's import scope; else 400 MEMBER_ORG_INVALID. */
export async function importableOrg(orgs: OrgsService, executor: Executor, actor: Actor, orgId: number) {
  const org = await orgs.lookup(executor, orgId);
  if (!org || org.closedAt || !coversOrgPath(actor, 'member.import', org.path)) throw orgNotUsable();
  return org;
}

export async function importableOrgs(db: Db, orgs: OrgsService, actor: Actor): Promise<ImportOrg[]> {
  const { roots } = await orgs.tree(actor, false);
  const out: ImportOrg[] = [];
  const walk = (node: OrgTreeNode, path: string, names: string[]) => {
    if (!node.closed && coversOrgPath(actor, 'member.import', path)) {
      out.push({ id: node.id, path, name: node.name, names });
    }
    for (const child of node.children) walk(child, `${path}.${child.id}`, [...names, child.name]);
  };
  for (const root of roots) {
    const row = await orgs.lookup(db, root.id);
    if (row) walk(root, row.path, [root.name]);
  }
  return out;
}

/** A memoised finder over the orgs (a sheet names the same few orgs on thousands of rows). */
export function orgFinder(candidates: ImportOrg[]): (value: string) => OrgMatch {
  const memo = new Map<string, OrgMatch>();
  const find = (value: string): OrgMatch => {
    const parts = value.split(SEPARATORS).map(clean).filter(Boolean);
    const hits = candidates.filter((o) => {
      if (parts.length > o.names.length) return false;
      const tail = o.names.slice(o.names.length - parts.length).map(clean);
      return tail.every((n, i) => n === parts[i]);
    });
    if (hits.length === 1) return { ok: true, orgId: hits[0]!.id };
    if (hits.length === 0) {
      return { ok: false, code: 'ORG_NOT_FOUND', message: `找不到党组织“${value}”，或它不在您的管理范围内` };
    }
    const example = hits[0]!.names.slice(-2).join('/');
    return {
      ok: false,
      code: 'ORG_AMBIGUOUS',
      message: `有 ${hits.length} 个党组织名为“${value}”，请连同上级写明，如“${example}”`,
    };
  };
  return (value) => {
    let hit = memo.get(value);
    if (!hit) {
      hit = find(value);
      memo.set(value, hit);
    }
    return hit;
  };
}
