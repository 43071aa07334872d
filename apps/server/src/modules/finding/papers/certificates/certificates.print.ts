/**
 * The printed 流动党员活动证: the number, the holder (ID number masked), the issuing org, where
 * the holder goes and why, the validity, the holder's duties, and a place for the issuing org's
 * seal. One certificate a page.
 */
import {
  CERTIFICATE_STATUS_LABELS,
  type CertificateStatus,
  codeName,
  ETHNICITIES,
  GENDER_LABELS,
  type Gender,
  MEMBER_TYPE_LABELS,
  type MemberType,
} from '@ningxin/shared';
import { formTable, note, paragraph, title } from '../../../../lib/pdf/pdf-blocks';
import type { PdfContent } from '../../../../lib/pdf/pdf-document';
import { printedDate } from '../../../../lib/pdf/printed';
import type { MemberRow } from '../../../members/record/members.repository';
import type { CertificateRow } from './certificates.repository';

export const CERTIFICATE_TITLE = '流动党员活动证';

export const HOLDER_DUTIES =
  '持证党员应主动与流入地党组织联系，参加流入地党组织的组织生活，按规定交纳党费，' +
  '在流入地党组织不享有表决权、选举权和被选举权；每年至少向原党组织报告一次思想、工作情况。' +
  '本证不得转借，有效期满应及时换发。';

export function certificateBlocks(
  c: CertificateRow,
  member: Pick<
    MemberRow,
    'name' | 'gender' | 'ethnicity' | 'birthDate' | 'idMasked' | 'memberType' | 'joinedAt'
  >,
  issuingOrgNames: string[],
  status: CertificateStatus,
): PdfContent[] {
  const issuer = issuingOrgNames.join(' ');
  return [
    title(CERTIFICATE_TITLE, `编号：${c.number}`),
    formTable({
      sections: [
        {
          heading: '持证人',
          fields: [
            { label: '姓名', value: member.name },
            { label: '性别', value: member.gender ? GENDER_LABELS[member.gender as Gender] : null },
            { label: '民族', value: member.ethnicity ? codeName(ETHNICITIES, member.ethnicity) : null },
            { label: '出生日期', value: member.birthDate },
            { label: '身份证号', value: member.idMasked },
            { label: '党员类别', value: MEMBER_TYPE_LABELS[member.memberType as MemberType] },
            { label: '入党日期', value: member.joinedAt },
          ],
        },
        {
          heading: '外出情况',
          fields: [
            { label: '签发组织', value: issuer, wide: true },
            { label: '流入地', value: c.destination, wide: true },
            { label: '外出原因', value: c.reason, wide: true },
            { label: '签发日期', value: printedDate(c.issuedOn) },
            { label: '有效期至', value: printedDate(c.validUntil) },
          ],
        },
      ],
    }),
    ...(status === 'valid' || status === 'expiring'
      ? []
      : [paragraph(`本证状态：${CERTIFICATE_STATUS_LABELS[status]}（仅供存档，不作凭证使用）`)]),
    note(HOLDER_DUTIES),
    {
      margin: [0, 36, 0, 0],
      alignment: 'right',
      stack: [`签发组织：${issuingOrgNames.at(-1) ?? issuer}（盖章）`, printedDate(c.issuedOn)],
    },
  ];
}
