import { defineModule, mount } from '../../lib/modules';
import { jobsRoutes } from './jobs.routes';
import { createJobRunner } from './jobs.runner';
import { createJobScheduler } from './jobs.scheduler';
import { createJobsService, type JobsService } from './jobs.service';
import { type AnyOutboxHandler, createOutbox } from './outbox';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    jobs: JobsService;
  }
  interface ExtensionPoints {
    /** What handles each outbox topic (one handler per topic). */
    'jobs.outboxHandlers': AnyOutboxHandler;
  }
}

/**
 * Scheduled jobs (定时任务) of every module, run once per scheduled time across instances, and
 * the outbox: work a module enqueues in its transaction and that is done after the commit.
 */
export const jobsModule = defineModule({
  name: 'jobs',
  needs: [],
  build({ store, db, config, extensions, jobs, metrics }) {
    const runner = createJobRunner({ store, jobs, metrics });
    return createJobsService({
      db,
      jobs,
      runner,
      outbox: createOutbox({ store, handlers: () => extensions.all('jobs.outboxHandlers') }),
      scheduler: createJobScheduler({ runner, jobs, config }),
    });
  },
  routes: (jobs) => [mount('/jobs', jobsRoutes, { jobs })],
  jobs: (jobs) => [
    {
      name: 'jobs.outbox_drain',
      label: '处理待办（发件箱）',
      schedule: '*/5 * * * * *',
      run: () => jobs.drainOutbox(),
    },
    {
      name: 'jobs.prune',
      label: '清理旧的运行记录与已办待办',
      schedule: '30 4 * * *',
      run: () => jobs.prune(),
    },
  ],
});
