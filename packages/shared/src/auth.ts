import { z } from 'zod';
import { PathId } from './common/ids';
import { Secret, Text } from './common/text';
import { checkPasswordStrength } from './password';
import { Action, RoleAssignmentResponse } from './roles';

/**
 * A code of the second factor: the 6 digits the authenticator app shows, or one of the
 * recovery codes (8 letters and digits, shown as `abcd-efgh`; case and the dash do not matter).
 */
export const OneTimeCode = (label: string) =>
  Secret(label, 20).refine((v) => /^\d{6}$/.test(v.trim()) || /^[a-z0-9]{4}-?[a-z0-9]{4}$/i.test(v.trim()), {
    message: `${label}应为 6 位数字或 8 位恢复码`,
  });

export const LoginBody = z.object({
  username: Text('用户名', { min: 1, max: 64, minMessage: '请输入用户名' }),
  password: Secret('密码', 128),
  /** The second factor, for an account that has one (asked for with 401 OTP_REQUIRED). */
  otp: OneTimeCode('动态码').optional(),
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
  /** Whether the account signs in with a second factor (两步验证). */
  twoFactor: z.boolean(),
  /** An administrator who must turn the second factor on before doing anything else. */
  twoFactorRequired: z.boolean(),
});
export type UserSummary = z.infer<typeof UserSummary>;

/** `POST /auth/two-factor/setup`: a new secret to add to the authenticator app (shown once). */
export const TwoFactorSetupResponse = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrSvg: z.string(),
});
export type TwoFactorSetupResponse = z.infer<typeof TwoFactorSetupResponse>;

/** `POST /auth/two-factor/enable`: the code the app shows for the new secret. */
export const TwoFactorEnableBody = z.object({
  code: Secret('动态码', 6).refine((v) => /^\d{6}$/.test(v), { message: '动态码应为 6 位数字' }),
});
export type TwoFactorEnableBody = z.infer<typeof TwoFactorEnableBody>;

/** The recovery codes, shown once when the second factor is turned on. */
export const TwoFactorEnableResponse = z.object({ recoveryCodes: z.array(z.string()) });
export type TwoFactorEnableResponse = z.infer<typeof TwoFactorEnableResponse>;

/** `POST /auth/two-factor/disable`: the password and a current code (or a recovery code). */
export const TwoFactorDisableBody = z.object({
  password: Secret('密码', 128),
  otp: OneTimeCode('动态码'),
});
export type TwoFactorDisableBody = z.infer<typeof TwoFactorDisableBody>;

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
