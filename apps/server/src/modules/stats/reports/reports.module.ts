import { defineModule, mount } from '../../../lib/modules';
import { pdfRenderer } from '../../../lib/pdf/pdf-renderer';
import { reportsRoutes } from './reports.routes';
import { createReportsService, type ReportsService } from './reports.service';

declare module '../../../lib/modules' {
  interface ServiceRegistry {
    reports: ReportsService;
  }
}

/**
 * Reports (统计报表): the annual statistical report workbook and the whole committee's
 * home-county feedback workbook and each county's feedback PDF, made as a run with progress.
 */
export const reportsModule = defineModule({
  name: 'reports',
  needs: ['members', 'orgs', 'contacts'],
  build: ({ db, config }, { members, orgs, contacts }) =>
    createReportsService({
      db,
      homeCity: config.homeCity,
      figures: members.reportFigures,
      orgs: orgs.tree,
      feedback: contacts.feedback,
      pdf: pdfRenderer(),
    }),
  routes: (reports) => [mount('/stats/reports', reportsRoutes, { reports })],
});
