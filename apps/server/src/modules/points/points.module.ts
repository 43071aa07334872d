import { defineModule, mount } from '../../lib/modules';
import { createPointsExport, type PointsExport } from './points.export';
import { pointsRepository } from './points.repository';
import { pointsRoutes } from './points.routes';
import { createPointsService, currentYear, type PointsService } from './points.service';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    points: { points: PointsService; exports: PointsExport };
  }
}

/**
 * The yearly points (积分): computed from the member activity ledger by the rules in the setting
 * 'points.rules', every version of which a run records, so a year can be worked out again.
 */
export const pointsModule = defineModule({
  name: 'points',
  needs: ['settings', 'activity', 'members', 'orgs'],
  build({ db }, { settings, activity, members, orgs }) {
    const points = createPointsService({ db, settings, activity, members: members.record, orgs: orgs.tree });
    return { points, exports: createPointsExport({ db, points }) };
  },
  routes: ({ points, exports }) => [mount('/points', pointsRoutes, { points, exports })],
  jobs: ({ points }) => [
    {
      name: 'points.recompute',
      label: '按现行规则重算本年度积分',
      schedule: '30 2 * * *',
      run: () => points.recompute(),
    },
  ],
  // After every other module's seed (points come last in MODULES): last year and this year.
  seed:
    ({ points }) =>
    async () => {
      const year = currentYear();
      await points.recompute(year - 1);
      await points.recompute(year);
    },
  subscribe(_services, events) {
    events.subscribe('org.subtree_moved', (tx, { oldPath, newPath }) =>
      pointsRepository.rewriteOrgPaths(tx, oldPath, newPath),
    );
  },
});
