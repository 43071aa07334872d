/**
 * The printed 结业证书 (certificate of completion): the number, the member, the class (kind,
 * dates, place, study hours) and the organizer's seal. Downloaded by the class's manager or by
 * the member; each download is audited before a byte is sent.
 */
import { localIsoDate, TRAINING_KIND_LABELS, type TrainingKind } from '@ningxin/shared';
import type { Db } from '../../../db/client';
import { formTable, note, paragraph, title } from '../../../lib/pdf/pdf-blocks';
import type { PdfContent } from '../../../lib/pdf/pdf-document';
import type { PdfRenderer } from '../../../lib/pdf/pdf-renderer';
import { printedDate } from '../../../lib/pdf/printed';
import type { Actor } from '../../../policy/policy';
import { renderAudited } from '../../audit/audit.print';
import type { OrgsService } from '../../orgs/orgs.service';
import type { TrainingCompletionService } from './trainings.completion.service';
import type { EnrolmentRow } from './trainings.enrolments.repository';
import type { TrainingRow } from './trainings.repository';

export const TRAINING_CERTIFICATE_TITLE = '结业证书';

export function trainingCertificateBlocks(
  t: Pick<TrainingRow, 'title' | 'kind' | 'startsOn' | 'endsOn' | 'place' | 'studyHours'>,
  e: Pick<EnrolmentRow, 'memberName' | 'certificateNo' | 'completedAt'>,
  organizerNames: string[],
): PdfContent[] {
  const organizer = organizerNames.at(-1) ?? '';
  // Dated the day the class ended, or the day of completion if that came first (as the ledger counts it).
  const issued = printedDate(e.completedAt ? [t.endsOn, localIsoDate(e.completedAt)].sort()[0]! : t.endsOn);
  const dates =
    t.startsOn === t.endsOn
      ? `于 ${printedDate(t.startsOn)}`
      : `于 ${printedDate(t.startsOn)} 至 ${printedDate(t.endsOn)}`;
  return [
    title(TRAINING_CERTIFICATE_TITLE, `编号：${e.certificateNo}`),
    paragraph(`${e.memberName} 同志${dates}参加“${t.title}”学习，完成规定课程，经考核合格，准予结业。`),
    formTable({
      sections: [
        {
          heading: '培训情况',
          fields: [
            { label: '学员', value: e.memberName },
            { label: '证书编号', value: e.certificateNo },
            { label: '培训名称', value: t.title, wide: true },
            { label: '培训类型', value: TRAINING_KIND_LABELS[t.kind as TrainingKind] },
            { label: '学时', value: `${Number(t.studyHours)} 学时` },
            { label: '培训地点', value: t.place, wide: true },
            { label: '主办单位', value: organizerNames.join(' '), wide: true },
          ],
        },
      ],
    }),
    note('本证书由主办党组织颁发，可凭证书编号向主办党组织核验。'),
    { margin: [0, 36, 0, 0], alignment: 'right', stack: [`${organizer}（盖章）`, issued] },
  ];
}

export function createTrainingCertificates(deps: {
  db: Db;
  pdf: PdfRenderer;
  orgs: Pick<OrgsService, 'namesAlong'>;
}) {
  const { db, pdf, orgs } = deps;
  return {
    async render(
      actor: Actor,
      found: Awaited<ReturnType<TrainingCompletionService['certificateForMember']>>,
    ) {
      const { training: t, enrolment: e } = found;
      const names = await orgs.namesAlong(db, t.orgPath);
      return renderAudited(
        db,
        pdf,
        actor,
        {
          committee: names[0] ?? t.orgName,
          title: `${TRAINING_CERTIFICATE_TITLE} ${e.certificateNo}`,
          records: [trainingCertificateBlocks(t, e, names)],
        },
        {
          action: 'training.certificate_printed',
          targetType: 'training',
          targetId: t.id,
          targetLabel: `${e.certificateNo} ${e.memberName}`,
        },
        {
          fileName: `${TRAINING_CERTIFICATE_TITLE}_${e.certificateNo}_${e.memberName}.pdf`,
          asciiName: `training-certificate-${e.id}.pdf`,
        },
      );
    },
  };
}

export type TrainingCertificates = ReturnType<typeof createTrainingCertificates>;
