import { defineModule, mount } from '../../../lib/modules';
import { screenPublicRoutes, screenRoutes, screenTokenRoutes } from './screen.routes';
import { createScreenService, type ScreenService } from './screen.service';
import { createScreenTokens, type ScreenTokens } from './screen.tokens';

declare module '../../../lib/modules' {
  interface ServiceRegistry {
    screen: { screen: ScreenService; tokens: ScreenTokens };
  }
}

/** The big screen (数据大屏): the headline figures, the whole screen in one answer, and its kiosk links. */
export const screenModule = defineModule({
  name: 'screen',
  needs: ['members', 'orgs', 'users', 'finding', 'service', 'hometown', 'life', 'activity', 'settings'],
  build: (
    { db, reads, crypto },
    { members, orgs, users, finding, service, hometown, life, activity, settings },
  ) => ({
    // The screen shows figures refreshed every few seconds and cached for five: they may lag,
    // so every panel reads `reads` (its own reads, each module's lag-tolerant reads, the feed).
    screen: createScreenService({
      db: reads,
      counts: members.counts,
      orgs: orgs.tree,
      finding: finding.lagTolerant,
      volunteerCampaigns: service.lagTolerant,
      board: service.board,
      hometown: hometown.totals,
      meetings: life.lagTolerant,
      activity,
      settings,
    }),
    tokens: createScreenTokens({ db, crypto, users }),
  }),
  routes: ({ screen, tokens }) => [
    mount('/stats', screenRoutes, { screen }),
    mount('/screen-tokens', screenTokenRoutes, { tokens }),
    mount('/public', screenPublicRoutes, { screen, tokens }),
  ],
});
