/**
 * The yearly conduct feedback of one member (流动党员现实表现反馈表), as a page of the PDF service:
 * who the member is and how they joined the Party, the year's figures, the org's comment.
 */
import {
  divisionName,
  type FeedbackFigures,
  GENDER_LABELS,
  type Gender,
  MEMBER_TYPE_LABELS,
  type MemberType,
  RELATIONSHIP_LABELS,
  type RelationshipType,
} from '@ningxin/shared';
import { formTable, note, signatures, title } from '../../../lib/pdf/pdf-blocks';
import type { PdfContent } from '../../../lib/pdf/pdf-document';
import { yuan } from './feedback.figures';

export const FEEDBACK_TITLE = '流动党员现实表现反馈表';

export interface FeedbackSubject {
  name: string;
  gender: string | null;
  birthDate: string | null;
  homeCounty: string;
  homeOrg: string | null;
  joinedAt: string;
  fullMemberAt: string | null;
  memberType: string;
  relationship: string;
  hostDistrict: string | null;
  hostAddress: string | null;
  employer: string | null;
}

export function feedbackBlocks(
  m: FeedbackSubject,
  orgPathNames: readonly string[],
  year: number,
  figures: FeedbackFigures,
  comment: string | null,
  printedOn: string,
): PdfContent[] {
  const district = m.hostDistrict ? (divisionName(m.hostDistrict) ?? m.hostDistrict) : null;
  return [
    title(FEEDBACK_TITLE, `${year} 年度 · 打印日期 ${printedOn}`),
    formTable({
      sections: [
        {
          heading: '基本情况',
          fields: [
            { label: '姓名', value: m.name },
            { label: '性别', value: m.gender ? GENDER_LABELS[m.gender as Gender] : null },
            { label: '出生日期', value: m.birthDate },
            { label: '流出地', value: divisionName(m.homeCounty) ?? m.homeCounty },
            { label: '原党组织', value: m.homeOrg, wide: true },
          ],
        },
        {
          heading: '入党及组织关系',
          fields: [
            { label: '入党时间', value: m.joinedAt },
            { label: '转正时间', value: m.fullMemberAt },
            { label: '党员类型', value: MEMBER_TYPE_LABELS[m.memberType as MemberType] ?? m.memberType },
            {
              label: '组织关系',
              value: RELATIONSHIP_LABELS[m.relationship as RelationshipType] ?? m.relationship,
            },
            { label: '所在党组织', value: orgPathNames.join(' / '), wide: true },
            { label: '流入地', value: district },
            { label: '工作单位', value: m.employer },
            { label: '现居住地址', value: m.hostAddress, wide: true },
          ],
        },
        {
          heading: `${year} 年度表现`,
          fields: [
            { label: '参加组织生活', value: `${figures.meetings} 次` },
            { label: '学习', value: `${figures.studyHours} 学时` },
            { label: '志愿服务', value: `${figures.volunteerHours} 小时` },
            { label: '获得表彰', value: `${figures.honours} 次` },
            { label: '关爱帮扶', value: `${figures.care} 次` },
            {
              label: '服务家乡',
              value: `${figures.contributions} 项${figures.contributionFen ? `，${yuan(figures.contributionFen)} 元` : ''}`,
            },
            { label: '民主评议', value: figures.evaluation ?? '未评议' },
            {
              label: '心得体会',
              value: `${figures.reflections} 篇${figures.reflectionTitles.length ? `：${figures.reflectionTitles.map((t) => `《${t}》`).join('')}` : ''}`,
              wide: true,
            },
          ],
        },
        { heading: '流动党组织意见', fields: [{ label: '意见', value: comment ?? '', wide: true }] },
      ],
    }),
    signatures([{ label: '流动党组织（盖章）', dateLabel: '日期' }]),
    note(
      '年度表现数据来自党员履历（组织生活、学习、志愿服务、服务家乡、表彰、民主评议的记录）和审核通过的心得体会，没有记录的项目为 0。',
    ),
  ];
}
