import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

const RoundsPage = lazyNamed(() => import('./pages/EvaluationsPage'), 'EvaluationsPage');

/** 民主评议: the rounds at the desk, the member's own evaluation on the phone, the code ballot (public). */
export const evaluationFeature = defineFeature({
  name: 'evaluation',
  routes: [
    { path: 'evaluations', page: RoundsPage, permission: 'evaluation.read' },
    {
      path: 'evaluations/:id',
      page: lazyNamed(() => import('./pages/EvaluationRoundPage'), 'EvaluationRoundPage'),
      permission: 'evaluation.read',
    },
    {
      path: 'my-evaluation',
      page: lazyNamed(() => import('./pages/MyEvaluationPage'), 'MyEvaluationPage'),
      permission: 'member.self',
    },
  ],
  publicRoutes: [{ path: '/ballot', page: lazyNamed(() => import('./pages/BallotPage'), 'BallotPage') }],
  menu: [
    {
      path: '/evaluations',
      labelKey: 'nav.evaluations',
      icon: 'AuditOutlined',
      group: 'care',
      permission: 'evaluation.read',
    },
    {
      path: '/my-evaluation',
      labelKey: 'nav.myEvaluation',
      icon: 'CheckSquareOutlined',
      group: 'care',
      permission: 'member.self',
    },
  ],
  portal: [
    {
      key: 'evaluation',
      order: 42,
      tile: lazyNamed(() => import('./portal/EvaluationCard'), 'EvaluationCard'),
      permission: 'member.self',
    },
  ],
});
