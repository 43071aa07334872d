import { localIsoDate, type WorkbenchResponse, type WorkbenchTodo } from '@ningxin/shared';
import type { Extensions } from '../../lib/modules';
import { type Actor, permissionsOf } from '../../policy/policy';
import type { ActivityService } from '../activity/activity.service';
import type { MemberCounts } from '../members/counts/members.counts';
import type { UsersService } from '../users/users.service';

declare module '../../lib/modules' {
  interface ExtensionPoints {
    /**
     * What a module has waiting for the actor on the workbench (reviews, unread notices, failed
     * runs): items with a count of 0 are not shown. Called on every workbench load: keep it to a
     * count on an index or a rollup.
     */
    'workbench.todos': (actor: Actor) => Promise<WorkbenchTodo[]>;
  }
}

export interface WorkbenchDeps {
  counts: MemberCounts;
  activity: Pick<ActivityService, 'recent'>;
  users: Pick<UsersService, 'assignmentsFor'>;
  extensions: Extensions;
}

/** How many of the latest deeds the page shows. */
const RECENT = 8;

/** The first instant of the current month, local time. */
function startOfMonth(now: Date): Date {
  return new Date(`${localIsoDate(now).slice(0, 8)}01T00:00:00`);
}

/** The home page of each user: figures of their scope and the to-dos modules contribute. */
export function createWorkbenchService({ counts, activity, users, extensions }: WorkbenchDeps) {
  async function memberFigures(actor: Actor) {
    if (!permissionsOf(actor).includes('member.read')) return null;
    const [byStatus, newThisMonth] = await Promise.all([
      counts.counts(actor, { by: 'status', homeCounty: [], hostDistrict: [], status: [] }),
      counts.createdSince(actor, startOfMonth(new Date())),
    ]);
    const of = (status: string) => byStatus.items.find((i) => i.key === status)?.count ?? 0;
    return { total: byStatus.total, active: of('active'), lost: of('lost'), newThisMonth };
  }

  return {
    async get(actor: Actor): Promise<WorkbenchResponse> {
      const reads = permissionsOf(actor).includes('member.read');
      const [members, recent, assignments, todoLists] = await Promise.all([
        memberFigures(actor),
        reads ? activity.recent(actor, RECENT) : [],
        users.assignmentsFor(actor.userId),
        // The figures and the feed may lag (`reads`); each module reads its to-dos where it chooses,
        // mostly the primary: one comes back here right after handling one, not to see it waiting.
        Promise.all(extensions.all('workbench.todos').map((todos) => todos(actor))),
      ]);
      return {
        scopeLabels: assignments.map((a) => `${a.roleLabel}：${a.scopeLabel}`),
        members,
        todos: todoLists.flat().filter((t) => t.count > 0),
        recent,
      };
    },
  };
}

export type WorkbenchService = ReturnType<typeof createWorkbenchService>;
