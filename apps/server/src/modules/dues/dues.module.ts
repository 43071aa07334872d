import { defineModule, mount } from '../../lib/modules';
import { basesRoutes } from './bases/bases.routes';
import { type BasesService, createBasesService } from './bases/bases.service';
import { createDuesAccess, type DuesAccess } from './dues.access';
import { duesRoutes } from './dues.routes';
import { createDuesSeed, type DuesSeed } from './dues.seed';
import { monthsRoutes } from './months/months.routes';
import { createMonthsService, type MonthsService } from './months/months.service';
import { paymentsRoutes } from './payments/payments.routes';
import { createPaymentsService, type PaymentsService } from './payments/payments.service';
import { reliefsRoutes } from './reliefs/reliefs.routes';
import { createReliefsService, type ReliefsService } from './reliefs/reliefs.service';
import { type ArrearsService, createArrearsService } from './report/arrears.service';
import { createDuesExport, type DuesExport } from './report/dues.export';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    dues: {
      access: DuesAccess;
      bases: BasesService;
      months: MonthsService;
      /** The months' list and figures from `reads` (a standby may answer, seconds behind): for the statistics. */
      lagTolerant: Pick<MonthsService, 'list' | 'get'>;
      payments: PaymentsService;
      reliefs: ReliefsService;
      arrears: ArrearsService;
      exports: DuesExport;
      /** The demo's dues for this year. */
      seed: DuesSeed;
    };
  }
}

/**
 * Party dues (党费): yearly bases and the monthly amount by the dues rules, the branches' monthly
 * ledgers, payments (one row per month paid), arrears and reminders, reduced or waived dues with
 * review and approval, the paid-up-to month.
 */
export const duesModule = defineModule({
  name: 'dues',
  needs: ['orgs', 'members', 'activity', 'settings', 'users', 'notices'],
  build({ db, reads }, { orgs, members, activity, settings, users, notices }) {
    const access = createDuesAccess({
      db,
      orgs: orgs.tree,
      members: members.record,
      activity,
      settings,
      users,
      inbox: notices.inbox,
    });
    const months = createMonthsService(access);
    const arrears = createArrearsService(access);
    // The statistics' topic and the sheets (a snapshot of the page as it is browsed) may lag; the
    // pages, reread after each payment, the checks before a write and the reminders read the primary.
    const lagging = { ...access, db: reads };
    const laggingMonths = createMonthsService(lagging);
    return {
      access,
      bases: createBasesService(access),
      months,
      lagTolerant: laggingMonths,
      payments: createPaymentsService(access),
      reliefs: createReliefsService(access),
      arrears,
      exports: createDuesExport({
        db,
        reads: lagging,
        months: laggingMonths,
        arrears: createArrearsService(lagging),
      }),
      seed: createDuesSeed(access, activity),
    };
  },
  routes: ({ access, bases, months, payments, reliefs, arrears, exports }) => [
    mount('/dues', duesRoutes, { access, arrears, exports }),
    mount('/dues/bases', basesRoutes, { bases }),
    mount('/dues/months', monthsRoutes, { months, exports }),
    mount('/dues/payments', paymentsRoutes, { payments }),
    mount('/dues/reliefs', reliefsRoutes, { reliefs }),
  ],
  seed:
    ({ seed }) =>
    async () => {
      await seed();
    },
  jobs: ({ arrears }) => [
    {
      name: 'dues.arrears_reminder',
      label: '提醒欠缴党费三个月及以上的党员',
      schedule: '0 9 5 * *',
      run: () => arrears.remindAll(),
    },
  ],
});
