import type { SignInKind } from '@ningxin/shared';

/**
 * Where the sign-in page posts a scanned code, by the kind of event the code names
 * (`/sign-in/<kind>/<id>?t=<token>`), and the page to go on to afterwards.
 */
export const SIGN_IN_TARGETS: Record<SignInKind, { apiPath: (id: number) => string; after: string }> = {
  meeting: { apiPath: (id) => `/meetings/${id}/sign-in`, after: '/my-meetings' },
  session: { apiPath: (id) => `/trainings/sessions/${id}/sign-in`, after: '/my-trainings' },
};
