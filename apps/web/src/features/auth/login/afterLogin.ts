import type { MeResponse } from '@ningxin/shared';

/** Where a signed-in user goes from the login page: the account page first if the password must change. */
export function afterLogin(me: MeResponse, next: string): string {
  return me.user.mustChangePassword ? '/account' : next;
}
