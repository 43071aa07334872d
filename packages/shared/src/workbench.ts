import { z } from 'zod';
import { RecentActivityItem } from './activity';

/** Something waiting for the user, contributed by a module: a count and where to deal with it. */
export const WorkbenchTodo = z.object({
  /** Stable key (`members.lost`, `inbox.unread` …). */
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  /** Where the list behind the count is (`/members?status=lost`). */
  link: z.string(),
  /** warning for what is overdue or at risk; info otherwise. */
  severity: z.enum(['info', 'warning']),
});
export type WorkbenchTodo = z.infer<typeof WorkbenchTodo>;

/** The members in the user's scope, when the user may read members. */
export const WorkbenchMemberFigures = z.object({
  total: z.number().int(),
  active: z.number().int(),
  lost: z.number().int(),
  /** Records created since the first of this month. */
  newThisMonth: z.number().int(),
});

export const WorkbenchResponse = z
  .object({
    /** The scope the figures cover, in words (全部, 驻北京通州区流动党委及下级, 康保县 …). */
    scopeLabels: z.array(z.string()),
    members: WorkbenchMemberFigures.nullable(),
    todos: z.array(WorkbenchTodo),
    /** The latest deeds recorded of members in the user's scope (empty without member.read). */
    recent: z.array(RecentActivityItem),
  })
  .meta({ id: 'Workbench' });
export type WorkbenchResponse = z.infer<typeof WorkbenchResponse>;
