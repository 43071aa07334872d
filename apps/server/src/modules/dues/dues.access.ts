/** What the dues services share: dependencies, scope over org paths, the members, the month of today. */
import type { Action } from '@ningxin/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { type Actor, coversOrgPath } from '../../policy/policy';
import { scopeCondition } from '../../policy/scope';
import type { ActivityService } from '../activity/activity.service';
import type { MembersService } from '../members/record/members.service';
import type { InboxMessage } from '../notices/inbox.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { SettingsService } from '../settings/settings.service';
import type { UsersService } from '../users/users.service';
import { memberNotUsable } from './dues.errors';

export interface DuesDeps {
  db: Db;
  orgs: Pick<OrgsService, 'lookup'>;
  members: Pick<MembersService, 'placements'>;
  activity: Pick<ActivityService, 'record' | 'reverse'>;
  settings: Pick<SettingsService, 'versioned'>;
  users: Pick<UsersService, 'roleHolders' | 'memberAccounts' | 'cards' | 'accountByUsername'>;
  inbox: { post(tx: Executor, message: InboxMessage): Promise<number> };
  /** Today (tests move it); the committee's calendar is Asia/Shanghai. */
  now?: () => Date;
}

/** The ledger entries' source module. */
export const SOURCE = 'dues';

const ON_ROLLS = new Set(['active', 'lost']);

/** `YYYY-MM-DD` of an instant in the committee's time zone. */
export const committeeDate = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);

/** `YYYY-MM` ↔ the stored first day of the month. */
export const toDay = (month: string) => `${month}-01`;
export const toMonth = (day: string) => day.slice(0, 7);

/** Rows whose org path (`column`, any SQL) lies in the subtree of `path`. */
export const pathIn = (column: SQL, path: string) =>
  sql`(${column} = ${path} or ${column} like ${`${path}.%`})`;

export function createDuesAccess(deps: DuesDeps) {
  const now = deps.now ?? (() => new Date());

  /** The rows the actor may take the action on, by an org path column. */
  const scope = (actor: Actor, action: Action, orgPath: SQL) =>
    scopeCondition(actor, action, {
      inOrgSubtree: (path) => pathIn(orgPath, path),
      homeCounty: null,
      hostDistrict: null,
      memberId: null,
    });

  /** A member on the rolls the actor may take the action on (400 naming `path` otherwise). */
  async function member(executor: Executor, actor: Actor, id: number, action: Action, path = 'memberId') {
    const [m] = await deps.members.placements(executor, [id]);
    if (!m || !ON_ROLLS.has(m.status) || !coversOrgPath(actor, action, m.orgPath))
      throw memberNotUsable(path);
    return m;
  }

  /** This month, `YYYY-MM`. */
  const thisMonth = () => committeeDate(now()).slice(0, 7);

  /** The dues rules in force and their version. */
  const rules = (executor: Executor = deps.db) => deps.settings.versioned('dues.rules', executor);

  /** Display names of accounts by id. */
  async function names(executor: Executor, ids: readonly (number | null)[]) {
    const cards = await deps.users.cards(
      executor,
      ids.filter((id): id is number => id !== null),
    );
    return (id: number | null) => (id === null ? null : (cards.get(id)?.displayName ?? null));
  }

  return { ...deps, now, scope, member, thisMonth, rules, names };
}

export type DuesAccess = ReturnType<typeof createDuesAccess>;
