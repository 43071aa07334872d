import { CERTIFICATE_EXPIRING_DAYS } from '@ningxin/shared';
import { defineModule, mount } from '../../../lib/modules';
import { pdfRenderer } from '../../../lib/pdf/pdf-renderer';
import { permissionsOf } from '../../../policy/policy';
import { createCertificateOutput } from './certificates/certificates.output';
import { createExpiryReminder, type ExpiryReminder } from './certificates/certificates.reminder';
import { certificatesRepository } from './certificates/certificates.repository';
import { certificatesRoutes } from './certificates/certificates.routes';
import { type CertificatesService, createCertificatesService } from './certificates/certificates.service';
import { createPapersSeed } from './papers.seed';
import { createTransferOutput } from './transfers/transfers.output';
import { transfersRepository } from './transfers/transfers.repository';
import { transfersRoutes } from './transfers/transfers.routes';
import { createTransfersService, type TransfersService } from './transfers/transfers.service';

declare module '../../../lib/modules' {
  interface ServiceRegistry {
    papers: {
      certificates: CertificatesService;
      transfers: TransfersService;
      /** The daily reminder of certificates about to expire (papers.certificate_expiry). */
      expiryReminder: ExpiryReminder;
      /** The demo's certificates and transfers. */
      seed: () => Promise<{ certificates: number; transfers: number }>;
    };
  }
}

/** 流动党员活动证 (certificates) and 组织关系转接 (transfers): the papers a member's absence needs. */
export const papersModule = defineModule({
  name: 'papers',
  needs: ['orgs', 'users', 'members', 'settings', 'notices'],
  build({ db }, { orgs, users, members, settings, notices }) {
    const certificates = createCertificatesService({
      db,
      members: members.record,
      orgs: orgs.tree,
      settings,
    });
    const transfers = createTransfersService({
      db,
      members: members.record,
      actions: members.actions,
      orgs: orgs.tree,
      settings,
    });
    return {
      certificates,
      transfers,
      expiryReminder: createExpiryReminder({ db, users, inbox: notices.inbox }),
      seed: createPapersSeed({ db, users, members: members.record, certificates, transfers }),
    };
  },
  routes: ({ certificates, transfers }, { db }) => {
    const pdf = pdfRenderer();
    return [
      mount('/certificates', certificatesRoutes, {
        certificates,
        output: createCertificateOutput({ db, pdf, certificates }),
      }),
      mount('/transfers', transfersRoutes, {
        transfers,
        output: createTransferOutput({ db, pdf, transfers }),
      }),
    ];
  },
  jobs: ({ expiryReminder }) => [
    {
      name: 'papers.certificate_expiry',
      label: '流动党员活动证到期提醒',
      schedule: '30 8 * * *',
      run: () => expiryReminder.run(),
    },
  ],
  seed:
    ({ seed }) =>
    async () => {
      await seed();
    },
  contributes: ({ certificates, transfers }) => ({
    'workbench.todos': [
      async (actor) => {
        const held = permissionsOf(actor);
        const [expiring, overdue] = await Promise.all([
          held.includes('certificate.write')
            ? certificates.expiringCount(actor, 'certificate.write', CERTIFICATE_EXPIRING_DAYS)
            : 0,
          held.includes('transfer.write') ? transfers.overdueCount(actor, 'transfer.write') : 0,
        ]);
        return [
          {
            key: 'certificates.expiring',
            label: `活动证 ${CERTIFICATE_EXPIRING_DAYS} 天内到期`,
            count: expiring,
            link: '/certificates?status=expiring',
            severity: 'warning' as const,
          },
          {
            key: 'transfers.overdue',
            label: '组织关系转接回执逾期',
            count: overdue,
            link: '/transfers?overdue=true',
            severity: 'warning' as const,
          },
        ];
      },
    ],
  }),
  subscribe(_services, events) {
    events.subscribe('org.subtree_moved', async (tx, { oldPath, newPath }) => {
      await certificatesRepository.rewriteOrgPaths(tx, oldPath, newPath);
      await transfersRepository.rewriteOrgPaths(tx, oldPath, newPath);
    });
  },
});
