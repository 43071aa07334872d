import { defineModule, mount } from '../../lib/modules';
import { pdfRenderer } from '../../lib/pdf/pdf-renderer';
import { type AppealsService, createAppealsService } from './appeals/appeals.service';
import { ballotPublicRoutes } from './ballots/ballots.public.routes';
import { type BallotsService, createBallotsService } from './ballots/ballots.service';
import { createEvaluationAccess } from './evaluation.access';
import { createEvaluationSeed, type EvaluationSeed } from './evaluation.seed';
import { evaluationRoutes } from './rounds/rounds.routes';
import { createRoundsService, type RoundsService } from './rounds/rounds.service';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    evaluation: {
      rounds: RoundsService;
      ballots: BallotsService;
      appeals: AppealsService;
      /** The demo's rounds. */
      seed: EvaluationSeed;
    };
  }
}

/**
 * The yearly evaluation (民主评议党员): a round per branch and year with self-assessment, signed
 * peer assessment, a secret vote (online or with one-time paper codes), the count, the grades
 * the branch fixes (at most one third 优秀) and appeals; each grade goes to the member's ledger.
 */
export const evaluationModule = defineModule({
  name: 'evaluation',
  needs: ['orgs', 'users', 'activity', 'notices'],
  build({ db, crypto }, { orgs, users, activity, notices }) {
    const access = createEvaluationAccess({
      db,
      crypto,
      orgs: orgs.tree,
      users,
      activity,
      inbox: notices.inbox,
    });
    return {
      rounds: createRoundsService(access),
      ballots: createBallotsService({ ...access, pdf: pdfRenderer() }),
      appeals: createAppealsService(access),
      seed: createEvaluationSeed({ db, accounts: users, activity }),
    };
  },
  routes: ({ rounds, ballots, appeals }, { config }) => [
    mount('/evaluations', evaluationRoutes, { rounds, ballots, appeals, publicUrl: config.publicUrl }),
    mount('/public', ballotPublicRoutes, { ballots }),
  ],
  seed:
    ({ seed }) =>
    async () => {
      await seed();
    },
});
