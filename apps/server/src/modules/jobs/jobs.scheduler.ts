import { Cron } from 'croner';
import type { Config } from '../../config';
import type { JobDefinition } from '../../lib/modules';
import { safeError } from '../../lib/safe-error';
import type { DueResult, JobRunner } from './jobs.runner';
import { JOB_TIMEZONE } from './jobs.schedule';

/** How often every job is looked at for a retry that has come due or a slot missed. */
const SWEEP = '*/30 * * * * *';

/** A pino-style logger (the app's). */
export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobSchedulerDeps {
  runner: JobRunner;
  jobs: () => readonly JobDefinition[];
  config: Pick<Config, 'jobsEnabled'>;
}

/**
 * Wakes each job at its scheduled times (croner, Asia/Shanghai), and every 30 seconds looks at
 * all jobs for retries and missed slots. Started by the server after it listens, when
 * JOBS_ENABLED; stopped before it closes, waiting a while for the runs in progress.
 */
export function createJobScheduler({ runner, jobs, config }: JobSchedulerDeps) {
  let timers: Cron[] = [];
  let log: JobLog | null = null;

  const report = (results: DueResult[]) => {
    for (const r of results) {
      if (r.status !== 'ran') continue;
      const { id, slot, attempt, outcome, rows, error } = r.run;
      if (outcome === 'failed')
        log?.warn({ job: r.job, runId: id, slot, attempt, error }, 'scheduled job failed');
      else if (rows) log?.info({ job: r.job, runId: id, rows }, 'scheduled job done');
    }
  };

  const tick = async (only?: readonly JobDefinition[]) => {
    try {
      report(await runner.runDue(new Date(), only));
    } catch (err) {
      log?.error({ err: safeError(err) }, 'scheduled jobs could not run');
    }
  };

  return {
    /** Whether the timers are set. */
    get started() {
      return timers.length > 0;
    },

    /** Sets the timers (unless JOBS_ENABLED is false) and catches up on a slot just missed. */
    start(logger: JobLog): boolean {
      if (!config.jobsEnabled || timers.length > 0) return false;
      log = logger;
      const options = { timezone: JOB_TIMEZONE, protect: true, catch: true };
      timers = jobs().map((job) => new Cron(job.schedule, options, () => tick([job])));
      timers.push(new Cron(SWEEP, options, () => tick()));
      void tick();
      log.info({ jobs: jobs().map((j) => j.name), instance: runner.instance }, 'scheduled jobs started');
      return true;
    },

    /** Clears the timers, starts no more runs and waits for those in progress, at most `timeoutMs`. */
    async stop(timeoutMs = 10_000): Promise<void> {
      for (const timer of timers) timer.stop();
      timers = [];
      await runner.close(timeoutMs);
    },
  };
}

export type JobScheduler = ReturnType<typeof createJobScheduler>;
