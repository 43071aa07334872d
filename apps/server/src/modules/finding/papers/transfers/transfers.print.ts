/**
 * The three-part letter of 组织关系转接 (中国共产党党员组织关系介绍信): the stub (存根) kept by the
 * issuing side for 10 years, the letter (介绍信) the member carries, and the receipt (回执) the
 * receiving org sends back within a month. Each part on a page of its own, with a cut line
 * where the paper form is cut. The ID number is printed masked.
 */
import {
  ageOn,
  codeName,
  ETHNICITIES,
  GENDER_LABELS,
  type Gender,
  MEMBER_TYPE_LABELS,
  type MemberType,
} from '@ningxin/shared';
import { formTable, note, paragraph, title } from '../../../../lib/pdf/pdf-blocks';
import type { PdfContent } from '../../../../lib/pdf/pdf-document';
import { printedDate, printedMonth } from '../../../../lib/pdf/printed';
import type { MemberRow } from '../../../members/record/members.repository';
import type { TransferRow } from './transfers.repository';

export const LETTER_TITLE = '中国共产党党员组织关系介绍信';
export const PART_TITLES = { stub: '存根', letter: '介绍信', receipt: '回执' } as const;

type LetterMember = Pick<
  MemberRow,
  'name' | 'gender' | 'ethnicity' | 'birthDate' | 'idMasked' | 'memberType'
>;

function facts(t: TransferRow, m: LetterMember) {
  const ethnicity = m.ethnicity ? codeName(ETHNICITIES, m.ethnicity) : null;
  return {
    gender: m.gender ? GENDER_LABELS[m.gender as Gender] : '',
    age: m.birthDate ? `${ageOn(m.birthDate, t.issuedOn)}岁` : '',
    ethnicity: ethnicity ?? '',
    type: MEMBER_TYPE_LABELS[m.memberType as MemberType].replace('党员', ''),
  };
}

const cutLine = (label: string): PdfContent => ({
  text: `- - - - - - - - - - - - - - - - - - - - - - ${label} - - - - - - - - - - - - - - - - - - - - - -`,
  alignment: 'center',
  fontSize: 8,
  color: '#8c8c8c',
  margin: [0, 18, 0, 0],
});

const seal = (org: string, day: string): PdfContent => ({
  margin: [0, 30, 0, 0],
  alignment: 'right',
  stack: [`${org}（盖章）`, day],
});

function stub(t: TransferRow, m: LetterMember): PdfContent[] {
  const f = facts(t, m);
  return [
    title(
      `${LETTER_TITLE}（${PART_TITLES.stub}）`,
      `${t.letterNumber}　存根保存至 ${printedDate(t.stubKeepUntil)}`,
    ),
    formTable({
      sections: [
        {
          heading: '党员',
          fields: [
            { label: '姓名', value: m.name },
            { label: '性别', value: f.gender },
            { label: '年龄', value: f.age },
            { label: '民族', value: f.ethnicity },
            { label: '身份证号', value: m.idMasked },
            { label: '党员类别', value: `${f.type}党员` },
          ],
        },
        {
          heading: '转接',
          fields: [
            { label: '由', value: t.fromOrgName, wide: true },
            { label: '转到', value: t.toOrgName, wide: true },
            { label: '党费交至', value: printedMonth(t.duesPaidUntil) },
            { label: '有效期至', value: printedDate(t.validUntil) },
            { label: '开具日期', value: printedDate(t.issuedOn) },
            { label: '回执期限', value: printedDate(t.receiptDueOn) },
            ...(t.reason ? [{ label: '转接原因', value: t.reason, wide: true }] : []),
          ],
        },
      ],
    }),
    cutLine('沿此线剪开'),
  ];
}

function letter(t: TransferRow, m: LetterMember): PdfContent[] {
  const f = facts(t, m);
  const who = [f.gender, f.age, f.ethnicity ? `${f.ethnicity}` : '', `身份证号 ${m.idMasked}`]
    .filter(Boolean)
    .join('，');
  return [
    title(`${LETTER_TITLE}（${PART_TITLES.letter}）`, t.letterNumber),
    paragraph(`${t.toOrgName}：`),
    paragraph(
      `　　兹介绍${m.name}同志（${who}）系中共${f.type}党员，组织关系由${t.fromOrgName}转到${t.toOrgName}，请接洽。` +
        `该同志党费已交到${printedMonth(t.duesPaidUntil)}。`,
    ),
    paragraph(`　　（有效期至${printedDate(t.validUntil)}）`),
    seal(t.fromOrgName, printedDate(t.issuedOn)),
    note(`接收党组织请于${printedDate(t.receiptDueOn)}前将回执寄回开具介绍信的党组织。`),
    cutLine('沿此线剪开'),
  ];
}

function receipt(t: TransferRow, m: LetterMember): PdfContent[] {
  return [
    title(`${LETTER_TITLE}（${PART_TITLES.receipt}）`, t.letterNumber),
    paragraph(`${t.fromOrgName}：`),
    paragraph(`　　${m.name}同志的党员组织关系已转到我处，特此回执。`),
    seal(t.toOrgName, '　　　　年　　月　　日'),
    note(`请于${printedDate(t.receiptDueOn)}前寄回。`),
  ];
}

/** The three parts, each a record (a page) of its own. */
export const letterRecords = (t: TransferRow, m: LetterMember): PdfContent[][] => [
  stub(t, m),
  letter(t, m),
  receipt(t, m),
];
