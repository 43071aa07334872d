import { z } from 'zod';
import { PathId } from './common/ids';
import { Secret, Text } from './common/text';
import { checkPasswordStrength } from './password';
import { Action, RoleAssignmentResponse } from './roles';

export const LoginBody = z.object({
  username: Text('用户名', { min: 1, max: 64, minMessage: '请输入用户名' }),
  password: Secret('密码', 128),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const NewPassword = Secret('新密码', 128).superRefine((value, ctx) => {
  const problem = checkPasswordStrength(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const ChangePasswordBody = z
  .object({
    currentPassword: Secret('当前密码', 128),
    newPassword: NewPassword,
  })
  .refine((b) => b.newPassword !== b.currentPassword, {
    message: '新密码不能与当前密码相同',
    path: ['newPassword'],
  });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const UserSummary = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  mustChangePassword: z.boolean(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const MeResponse = z
  .object({
    user: UserSummary,
    roles: z.array(RoleAssignmentResponse),
    /** Every action the user may take somewhere; the UI shows menus by it. */
    permissions: z.array(Action),
    session: z.object({
      expiresAt: z.string(),
      idleTimeoutMinutes: z.number().int(),
    }),
  })
  .meta({ id: 'Me' });
export type MeResponse = z.infer<typeof MeResponse>;

export const SessionResponse = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const SessionListResponse = z.object({ items: z.array(SessionResponse) });
/** Session ids are `bigint`: any safe integer may name one. */
export const SessionIdParams = z.object({ id: PathId(Number.MAX_SAFE_INTEGER) });
