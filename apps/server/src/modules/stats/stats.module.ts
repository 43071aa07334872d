import { defineModule, mount } from '../../lib/modules';
import { statsRoutes } from './stats.routes';
import { createStatsService, type StatsService } from './stats.service';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    stats: StatsService;
  }
}

/** The statistics (统计): dashboards of members and of each domain, in the actor's scope, with their tables. */
export const statsModule = defineModule({
  name: 'stats',
  needs: ['members', 'finding', 'compliance', 'study', 'service', 'hometown', 'care', 'dues'],
  build: ({ db }, deps) => createStatsService({ db, ...deps }),
  routes: (stats) => [mount('/stats', statsRoutes, { stats })],
});
