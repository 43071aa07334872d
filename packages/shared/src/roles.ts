import { z } from 'zod';
import { DivisionCode, RecordId } from './common/ids';
import { ACTIONS, ROLES, SCOPE_KINDS } from './role-names';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ScopeKind = z.enum(SCOPE_KINDS);
export type ScopeKind = z.infer<typeof ScopeKind>;

export const Action = z.enum(ACTIONS);
export type Action = z.infer<typeof Action>;

export const ScopeInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('org'), orgId: RecordId('党组织') }),
  z.object({ kind: z.literal('home'), division: DivisionCode }),
  z.object({ kind: z.literal('host'), division: DivisionCode }),
  z.object({ kind: z.literal('self') }),
]);
export type ScopeInput = z.infer<typeof ScopeInput>;

export const RoleAssignmentResponse = z.object({
  id: z.number().int(),
  role: Role,
  roleLabel: z.string(),
  scope: z.object({
    kind: ScopeKind,
    orgId: z.number().int().nullable(),
    orgName: z.string().nullable(),
    division: z.string().nullable(),
    divisionName: z.string().nullable(),
  }),
  /** The scope in words, for display: 全部, 驻北京通州区流动党委及下级, 康保县 (流出地) … */
  scopeLabel: z.string(),
});
export type RoleAssignmentResponse = z.infer<typeof RoleAssignmentResponse>;
