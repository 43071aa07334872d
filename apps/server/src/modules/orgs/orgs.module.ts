import { defineModule, mount } from '../../lib/modules';
import { orgsRoutes } from './orgs.routes';
import { createOrgsService, type OrgsService } from './orgs.service';
import { positionsRoutes } from './positions.routes';
import { createPositionsService, type PositionsService } from './positions.service';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    orgs: { tree: OrgsService; positions: PositionsService };
  }
}

/** The committee tree (组织架构) and the positions held in each org (职务). */
export const orgsModule = defineModule({
  name: 'orgs',
  needs: [],
  build(ctx) {
    const tree = createOrgsService(ctx);
    return { tree, positions: createPositionsService(ctx.db, tree) };
  },
  routes: ({ tree, positions }) => [
    mount('/orgs', orgsRoutes, { orgs: tree }),
    mount('/orgs', positionsRoutes, { positions }),
  ],
});
