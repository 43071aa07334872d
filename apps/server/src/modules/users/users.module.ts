import { defineModule, mount } from '../../lib/modules';
import { usersRoutes } from './users.routes';
import { createUsersService, type UsersService } from './users.service';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    users: UsersService;
  }
}

/** Accounts (账户) and their role assignments (授权). */
export const usersModule = defineModule({
  name: 'users',
  needs: ['orgs'],
  build: (ctx, { orgs }) => createUsersService({ ...ctx, orgs: orgs.tree }),
  routes: (users) => [mount('/users', usersRoutes, { users })],
});
