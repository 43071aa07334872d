/** The compliance board: per branch and type, held against required, from four set-based statements; and its roll-ups. */
import {
  branchCompliance,
  type ComplianceBoardResponse,
  type ComplianceBranch,
  type ComplianceRollup,
  completionRate,
  currentMonthOf,
  type ExemptSpan,
  REQUIRED_MEETINGS,
  type RequiredMeeting,
  type TypeResult,
} from '@ningxin/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { isWithinPath } from '../../../policy/policy';
import type { OrgsService } from '../../orgs/orgs.service';
import type { SettingsService } from '../../settings/settings.service';
import { complianceRepository as repo } from './compliance.repository';

/** A condition over a path column (the scope, a subtree), or none for everything. */
export type PathFilter = (column: SQL) => SQL | undefined;

export interface Board {
  year: number;
  currentMonth: number;
  frequencies: Record<string, string>;
  branches: (ComplianceBranch & { results: Record<RequiredMeeting, TypeResult> })[];
}

/** The nearest org on the path (itself or above) that the map holds. */
function ownerOf<T>(path: string, byPath: Map<string, T>): T | undefined {
  const parts = path.split('.');
  for (let i = parts.length; i > 0; i--) {
    const hit = byPath.get(parts.slice(0, i).join('.'));
    if (hit) return hit;
  }
  return undefined;
}

function rollup(orgId: number | null, name: string, branches: Board['branches']): ComplianceRollup {
  return {
    orgId,
    name,
    branches: branches.length,
    behindBranches: branches.filter((b) => b.behind.length > 0).length,
    completionRate: completionRate(branches.flatMap((b) => Object.values(b.results))),
    types: REQUIRED_MEETINGS.map((type) => {
      const rs = branches.map((b) => b.results[type]);
      return {
        type,
        held: rs.reduce((a, r) => a + r.held, 0),
        required: rs.reduce((a, r) => a + r.required, 0),
        behind: rs.filter((r) => r.status === 'behind').length,
        done: rs.filter((r) => r.status === 'done').length,
        exempt: rs.filter((r) => r.status === 'exempt').length,
        completionRate: completionRate(rs),
      };
    }),
  };
}

export function createBoardBuilder({
  db,
  orgs,
  settings,
}: {
  db: Db;
  orgs: Pick<OrgsService, 'lookupMany'>;
  settings: Pick<SettingsService, 'get'>;
}) {
  /** The board of the branches a filter admits: four set-based statements, whatever the number of branches. */
  return async function computeBoard(filter: PathFilter, year: number, today: string): Promise<Board> {
    const [branchRows, held, full, exemptions, frequencies] = await Promise.all([
      repo.orgs(db, ['branch'], filter(sql`o.path`)),
      repo.heldByMonth(db, year, filter(sql`m.org_path`)),
      repo.fullMembersByPath(db, filter(sql`r.org_path`)),
      repo.exemptions(db, undefined, `${year}-01-01`, `${year}-12-31`),
      settings.get('life.meetingFrequencies'),
    ]);
    type Acc = {
      held: Partial<Record<RequiredMeeting, number[]>>;
      full: number;
      exemptions: Partial<Record<RequiredMeeting, ExemptSpan[]>>;
    };
    const acc = new Map<string, Acc>(branchRows.map((b) => [b.path, { held: {}, full: 0, exemptions: {} }]));
    for (const h of held) {
      const a = ownerOf(h.path, acc);
      if (!a) continue;
      const type = h.type as RequiredMeeting;
      const months = a.held[type] ?? Array.from({ length: 12 }, () => 0);
      months[h.month - 1]! += h.n;
      a.held[type] = months;
    }
    for (const f of full) {
      const a = ownerOf(f.path, acc);
      if (a) a.full += f.n;
    }
    for (const e of exemptions) {
      for (const b of branchRows) {
        if (!isWithinPath(b.path, e.orgPath)) continue;
        const spans = acc.get(b.path)!.exemptions;
        const type = e.type as RequiredMeeting;
        spans[type] = [...(spans[type] ?? []), { fromOn: e.fromOn, untilOn: e.untilOn }];
      }
    }
    const committeeIds = [
      ...new Set(
        branchRows.map((b) => b.path.split('.')).flatMap((p) => (p.length >= 3 ? [Number(p[1])] : [])),
      ),
    ];
    const committees = new Map((await orgs.lookupMany(db, committeeIds)).map((o) => [o.id, o.name]));
    const branches = branchRows.map((b) => {
      const a = acc.get(b.path)!;
      const result = branchCompliance({
        year,
        today,
        frequencies,
        held: a.held,
        exemptions: a.exemptions,
        fullMembers: a.full,
      });
      const parts = b.path.split('.');
      const committeeId = parts.length >= 3 ? Number(parts[1]) : null;
      return {
        orgId: b.id,
        name: b.name,
        path: b.path,
        committeeId,
        committeeName: committeeId === null ? null : (committees.get(committeeId) ?? null),
        fullMembers: a.full,
        types: REQUIRED_MEETINGS.map((type) => {
          const r = result.types[type];
          return {
            type,
            frequency: r.frequency,
            held: r.held,
            required: r.required,
            met: r.met,
            due: r.due,
            status: r.status,
            heldByMonth: a.held[type] ?? Array.from({ length: 12 }, () => 0),
            periods: r.periods,
          };
        }),
        behind: result.behind,
        completionRate: result.completionRate,
        results: result.types,
      };
    });
    return { year, currentMonth: currentMonthOf(year, today), frequencies, branches };
  };
}

/** The board as the API answers it: rolled up in total and per second-level committee. */
export function boardResponse(board: Board): ComplianceBoardResponse {
  const byCommittee = new Map<number | null, Board['branches']>();
  for (const b of board.branches) {
    const list = byCommittee.get(b.committeeId) ?? [];
    list.push(b);
    byCommittee.set(b.committeeId, list);
  }
  return {
    year: board.year,
    currentMonth: board.currentMonth,
    frequencies: board.frequencies,
    total: rollup(null, '合计', board.branches),
    committees: [...byCommittee].map(([id, list]) => rollup(id, list[0]!.committeeName ?? '直属支部', list)),
    branches: board.branches.map(({ results: _r, ...b }) => b),
  };
}
