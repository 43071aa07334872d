import { createChallenges } from '../../../lib/challenge';
import { defineModule, mount, type SeedStep } from '../../../lib/modules';
import { pdfRenderer } from '../../../lib/pdf/pdf-renderer';
import { createRegistrationPoster, type RegistrationPoster } from './registrations.poster';
import { createRegistrationIntake, type RegistrationIntake } from './registrations.public';
import { registrationPublicRoutes } from './registrations.public.routes';
import { registrationRoutes } from './registrations.routes';
import { registrationsSeed } from './registrations.seed';
import { createRegistrationReview, type RegistrationReview } from './registrations.service';

declare module '../../../lib/modules' {
  interface ServiceRegistry {
    registrations: {
      /** The public side: challenge, submission, status check. */
      intake: RegistrationIntake;
      /** The review queue: list, accept, return, duplicate. */
      review: RegistrationReview;
      poster: RegistrationPoster;
      /** The demo's registrations (the module's seed step). */
      demo: SeedStep;
    };
  }
}

/** 党员找组织: members register themselves on a public page; the committee of their district reviews. */
export const registrationsModule = defineModule({
  name: 'registrations',
  needs: ['orgs', 'users', 'members', 'notices'],
  build({ db, config, crypto }, { orgs, users, members, notices }) {
    const challenges = createChallenges(crypto.deriveKey('public challenge'));
    return {
      intake: createRegistrationIntake({
        db,
        config,
        crypto,
        challenges,
        orgs: orgs.tree,
        members: members.record,
        users,
        inbox: notices.inbox,
      }),
      review: createRegistrationReview({
        db,
        crypto,
        orgs: orgs.tree,
        members: members.record,
        memberActions: members.actions,
      }),
      poster: createRegistrationPoster({ db, orgs: orgs.tree, pdf: pdfRenderer() }),
      demo: registrationsSeed(orgs.tree),
    };
  },
  routes: ({ intake, review, poster }, { config, crypto }) => [
    mount('/public', registrationPublicRoutes, {
      intake,
      crypto,
      echoChallengeAnswers: config.challengeTestAnswers,
      homeCity: config.homeCity,
      hostCity: config.hostCity,
    }),
    mount('/registrations', registrationRoutes, { review, poster, publicUrl: config.publicUrl }),
  ],
  seed: ({ demo }) => demo,
  contributes: ({ review }) => ({
    'workbench.todos': [
      async (actor) => [
        {
          key: 'registrations.waiting',
          label: '报到登记待审核',
          count: await review.waitingCount(actor),
          link: '/registrations',
          severity: 'warning' as const,
        },
      ],
    ],
  }),
});
