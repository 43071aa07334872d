import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** Training classes and study trips (培训班、红色教育): the managers' desk and a member's "我的培训". */
export const trainingsFeature = defineFeature({
  name: 'trainings',
  routes: [
    {
      path: 'trainings',
      page: lazyNamed(() => import('./pages/TrainingsPage'), 'TrainingsPage'),
      permission: 'training.manage',
    },
    {
      path: 'trainings/:id',
      page: lazyNamed(() => import('./pages/TrainingDetailPage'), 'TrainingDetailPage'),
      permission: 'training.manage',
    },
    {
      path: 'my-trainings',
      page: lazyNamed(() => import('./pages/MyTrainingsPage'), 'MyTrainingsPage'),
      permission: 'member.self',
    },
  ],
  menu: [
    {
      path: '/trainings',
      labelKey: 'nav.trainings',
      icon: 'ReadOutlined',
      group: 'life',
      permission: 'training.manage',
    },
    {
      path: '/my-trainings',
      labelKey: 'nav.myTrainings',
      icon: 'SolutionOutlined',
      group: 'life',
      permission: 'member.self',
    },
  ],
});
