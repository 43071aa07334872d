import { z } from 'zod';
import { NewPassword } from './auth';
import { IdParams, PathId } from './common/ids';
import { Text } from './common/text';
import { Role, RoleAssignmentResponse, ScopeInput } from './roles';

export const Username = z
  .string()
  .trim()
  .min(3, '用户名至少 3 个字符')
  .max(64, '用户名不能超过 64 个字符')
  .regex(/^[a-zA-Z0-9_.@-]+$/, '用户名只能包含字母、数字和 _ . @ -');

export const UserCreateBody = z.object({
  username: Username,
  displayName: Text('姓名', { min: 1, max: 40 }),
  /** A first password; the user must change it at first login. */
  password: NewPassword,
});
export type UserCreateBody = z.infer<typeof UserCreateBody>;

export const UserResetPasswordBody = z.object({ password: NewPassword });

export const RoleAssignBody = z.object({ role: Role, scope: ScopeInput });
export type RoleAssignBody = z.infer<typeof RoleAssignBody>;

export const UserIdParams = IdParams;
export const RoleAssignmentIdParams = z.object({ id: PathId(), assignmentId: PathId() });

export const UserResponse = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  /** Whether the account signs in with a second factor (两步验证). */
  twoFactor: z.boolean(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(RoleAssignmentResponse),
  createdAt: z.string(),
});
export type UserResponse = z.infer<typeof UserResponse>;

export const UserListResponse = z.object({ items: z.array(UserResponse) });
