/**
 * The member information form (党员信息采集表) of one member, as printed: the record's fields
 * grouped as on the paper form, the ID number and phone masked (the form is built from the
 * masked columns only: the full values are never read), where the member is placed, the status,
 * and lines for the member's signature and the organization's review.
 */
import {
  codeName,
  divisionName,
  EDUCATION_LEVELS,
  ETHNICITIES,
  GENDER_LABELS,
  type Gender,
  MEMBER_SOURCE_LABELS,
  MEMBER_STATUS_LABELS,
  MEMBER_TYPE_LABELS,
  type MemberSource,
  type MemberStatus,
  type MemberType,
  RELATIONSHIP_LABELS,
  type RelationshipType,
} from '@ningxin/shared';
import { formTable, note, signatures, title } from '../../../lib/pdf/pdf-blocks';
import type { PdfContent } from '../../../lib/pdf/pdf-document';
import type { MemberRow } from '../record/members.repository';

export const FORM_TITLE = '党员信息采集表';

/** What the form shows of a record: no ciphertext, no hash. */
export type FormMember = Pick<
  MemberRow,
  | 'id'
  | 'name'
  | 'gender'
  | 'ethnicity'
  | 'birthDate'
  | 'idMasked'
  | 'phoneMasked'
  | 'education'
  | 'joinedAt'
  | 'fullMemberAt'
  | 'memberType'
  | 'homeCounty'
  | 'homeOrg'
  | 'hostDistrict'
  | 'hostAddress'
  | 'employer'
  | 'occupation'
  | 'industry'
  | 'leftHomeAt'
  | 'relationship'
  | 'tags'
  | 'source'
  | 'status'
  | 'statusSince'
  | 'lastContactAt'
  | 'notes'
>;

const label = <K extends string>(labels: Record<K, string>, key: string | null) =>
  key === null ? null : (labels[key as K] ?? key);

const division = (code: string | null) => (code ? (divisionName(code) ?? code) : null);

function statusText(m: FormMember) {
  const status = label(MEMBER_STATUS_LABELS, m.status as MemberStatus);
  return m.statusSince ? `${status}（${m.statusSince} 起）` : status;
}

/**
 * The form's blocks. `orgPath` holds the names from the committee down to the member's org;
 * `printedOn` is today's date in Asia/Shanghai.
 */
export function memberFormBlocks(m: FormMember, orgPath: readonly string[], printedOn: string): PdfContent[] {
  return [
    title(FORM_TITLE, `档案编号：${m.id}　　打印日期：${printedOn}`),
    formTable({
      photo: { label: '照片', rows: 4 },
      sections: [
        {
          heading: '一、基本信息',
          fields: [
            { label: '姓名', value: m.name },
            { label: '性别', value: label(GENDER_LABELS, m.gender as Gender | null) },
            {
              label: '民族',
              value: m.ethnicity ? (codeName(ETHNICITIES, m.ethnicity) ?? m.ethnicity) : null,
            },
            { label: '出生日期', value: m.birthDate },
            { label: '身份证号', value: m.idMasked, wide: true },
            {
              label: '学历',
              value: m.education ? (codeName(EDUCATION_LEVELS, m.education) ?? m.education) : null,
            },
            { label: '职业', value: m.occupation },
          ],
        },
        {
          heading: '二、党籍信息',
          fields: [
            { label: '入党日期', value: m.joinedAt },
            { label: '转正日期', value: m.fullMemberAt },
            { label: '党员类型', value: label(MEMBER_TYPE_LABELS, m.memberType as MemberType) },
            { label: '党员状态', value: statusText(m) },
            { label: '组织关系', value: label(RELATIONSHIP_LABELS, m.relationship as RelationshipType) },
            { label: '原党组织', value: m.homeOrg },
            { label: '所在党组织', value: orgPath.join(' / '), wide: true },
          ],
        },
        {
          heading: '三、流动信息',
          fields: [
            { label: '户籍县区', value: division(m.homeCounty) },
            { label: '外出日期', value: m.leftHomeAt },
            { label: '居住区', value: division(m.hostDistrict) },
            { label: '行业', value: m.industry },
            { label: '工作单位', value: m.employer, wide: true },
          ],
        },
        {
          heading: '四、联系方式',
          fields: [
            { label: '手机号', value: m.phoneMasked },
            { label: '最近联系', value: m.lastContactAt },
            { label: '居住地址', value: m.hostAddress, wide: true },
          ],
        },
        {
          heading: '五、其他',
          fields: [
            { label: '标签', value: m.tags.length ? m.tags.join('、') : null },
            { label: '信息来源', value: label(MEMBER_SOURCE_LABELS, m.source as MemberSource) },
            { label: '备注', value: m.notes, wide: true },
          ],
        },
      ],
    }),
    note(
      '说明：身份证号、手机号按规定脱敏打印；如信息有误或有变化，请在表上改正并签字，由所在党组织核实后更新信息库。',
    ),
    signatures([
      { label: '本人签字', dateLabel: '日期' },
      { label: '党组织审核（盖章）', dateLabel: '日期' },
    ]),
  ];
}
