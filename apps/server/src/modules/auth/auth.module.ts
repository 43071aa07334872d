import { defineModule, mount } from '../../lib/modules';
import { authRepository } from './auth.repository';
import { authRoutes } from './auth.routes';
import { type AuthService, createAuthService } from './auth.service';
import { createTwoFactor } from './two-factor';
import { twoFactorRepository } from './two-factor.repository';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    auth: AuthService;
  }
}

/** Sign-in, sessions, the sign-in lock and password changes. */
export const authModule = defineModule({
  name: 'auth',
  needs: ['users', 'settings'],
  build: ({ db, store, config, crypto }, { users, settings }) =>
    createAuthService(db, store, config, users, settings, createTwoFactor({ db, crypto })),
  routes: (auth) => [mount('/auth', authRoutes, { auth })],
  jobs: (auth) => [
    {
      name: 'auth.session_purge',
      label: '清理过期会话',
      schedule: '0 3 * * *',
      run: () => auth.purgeSessions(),
    },
  ],
  contributes: () => ({
    'users.credentials': [
      {
        lockedUntil: authRepository.lockedUntil,
        clearLock: authRepository.clearLock,
        endSessions: (tx, userId) => authRepository.revokeUserSessions(tx, userId),
        withSecondFactor: (executor, userIds) => twoFactorRepository.enabledAmong(executor, userIds),
        clearSecondFactor: (tx, userId) => twoFactorRepository.clear(tx, userId),
      },
    ],
  }),
});
