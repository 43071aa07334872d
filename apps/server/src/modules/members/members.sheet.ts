/**
 * The columns of the member spreadsheet (导入模板), in template order: the canonical header the
 * import reads, the other headers real spreadsheets use for it, how the template shows it, the
 * contract field it fills and what an export writes in it. The template, the import and the
 * export all read this one list (lib/excel/sheet-spec.ts).
 */
import {
  codeName,
  divisionName,
  EDUCATION_LEVELS,
  ETHNICITIES,
  GENDER_LABELS,
  type Gender,
  MEMBER_STATUS_LABELS,
  MEMBER_TYPE_LABELS,
  type MemberStatus,
  type MemberType,
  RELATIONSHIP_LABELS,
  type RelationshipType,
} from '@ningxin/shared';
import { type SheetColumnSpec, sheetSpec } from '../../lib/excel/sheet-spec';
import type { MemberRow } from './record/members.repository';

/** Which drop-down list of the template a column gets. */
export type ColumnList = 'gender' | 'ethnicity' | 'education' | 'memberType' | 'homeCounty' | 'hostDistrict';

/** A member as an export writes it: the record, its org's name, and the ID number and phone as shown (masked or not). */
export type ExportRow = MemberRow & { orgName: string };
export interface ExportCells {
  idNumber: string;
  phone: string;
}

type MemberColumn = SheetColumnSpec<ExportRow, ExportCells> & { list?: ColumnList };

const division = (code: string | null) => (code ? (divisionName(code) ?? code) : null);

const COLUMNS: readonly MemberColumn[] = [
  {
    header: '姓名',
    field: 'name',
    value: (m) => m.name,
    required: true,
    synonyms: ['党员姓名', '名字'],
    width: 10,
    hint: '2–30 个字',
  },
  {
    header: '性别',
    field: 'gender',
    value: (m) => (m.gender ? GENDER_LABELS[m.gender as Gender] : null),
    synonyms: [],
    list: 'gender',
    width: 6,
    hint: '男 或 女；可不填，按身份证号识别，填写时须与身份证号一致',
  },
  {
    header: '民族',
    field: 'ethnicity',
    value: (m) => (m.ethnicity ? codeName(ETHNICITIES, m.ethnicity) : null),
    synonyms: [],
    list: 'ethnicity',
    width: 10,
    hint: '如 汉族、满族（也可填“汉”或代码 01）',
  },
  {
    header: '出生日期',
    field: 'birthDate',
    value: (m) => m.birthDate,
    synonyms: ['出生年月', '出生时间', '生日'],
    width: 12,
    hint: '可不填，按身份证号识别；填写时须与身份证号一致',
  },
  {
    header: '身份证号',
    field: 'idNumber',
    value: (_m, c) => c.idNumber,
    required: true,
    synonyms: [
      '身份证号码',
      '公民身份号码',
      '证件号码',
      '身份证',
      '身份证件号码',
      '公民身份证号',
      '公民身份证号码',
    ],
    text: true,
    width: 22,
    hint: '18 位（或 15 位旧号码）；请保持本列为“文本”格式，否则 Excel 会丢失末几位',
  },
  {
    header: '手机号',
    field: 'phone',
    value: (_m, c) => c.phone,
    required: true,
    synonyms: ['联系电话', '手机号码', '手机', '电话', '电话号码', '移动电话', '联系方式'],
    text: true,
    width: 14,
    hint: '11 位中国大陆手机号码',
  },
  {
    header: '学历',
    field: 'education',
    value: (m) => (m.education ? codeName(EDUCATION_LEVELS, m.education) : null),
    synonyms: ['文化程度', '最高学历'],
    list: 'education',
    width: 12,
    hint: '如 大学本科、大专、高中',
  },
  {
    header: '入党日期',
    field: 'joinedAt',
    value: (m) => m.joinedAt,
    required: true,
    synonyms: ['入党时间', '入党年月'],
    width: 12,
    hint: '如 2002-09-01、2002/9/1、2002.09、2002年9月；入党时须年满 18 周岁',
  },
  {
    header: '转正日期',
    field: 'fullMemberAt',
    value: (m) => m.fullMemberAt,
    synonyms: ['转正时间', '转正年月'],
    width: 12,
    hint: '正式党员填写，不能早于入党日期；预备党员不填',
  },
  {
    header: '党员类型',
    field: 'memberType',
    value: (m) => MEMBER_TYPE_LABELS[m.memberType as MemberType] ?? m.memberType,
    synonyms: ['党员类别', '党员身份'],
    list: 'memberType',
    width: 10,
    hint: '正式党员 或 预备党员；不填按正式党员',
  },
  {
    header: '户籍县区',
    field: 'homeCounty',
    value: (m) => division(m.homeCounty),
    required: true,
    synonyms: [
      '户籍地',
      '籍贯县区',
      '流出地',
      '户籍所在地',
      '户籍县',
      '户籍',
      '籍贯',
      '原籍',
      '户籍所在县区',
    ],
    list: 'homeCounty',
    width: 12,
    hint: '流出地县区，如 赤城县、张家口市赤城县 或代码 130732',
  },
  {
    header: '原党组织',
    field: 'homeOrg',
    value: (m) => m.homeOrg,
    synonyms: ['原组织关系所在党组织', '原所在党组织', '组织关系所在党组织', '原党支部', '原籍党组织'],
    width: 24,
    hint: '原组织关系所在党组织的名称',
  },
  {
    header: '居住区',
    field: 'hostDistrict',
    value: (m) => division(m.hostDistrict),
    synonyms: ['现居住区', '流入地', '居住区县', '现居住区县', '所在区'],
    list: 'hostDistrict',
    width: 10,
    hint: '流入地区县，如 通州区 或代码 110112',
  },
  {
    header: '居住地址',
    field: 'hostAddress',
    value: (m) => m.hostAddress,
    synonyms: ['现居住地址', '住址', '现住址', '居住地', '现居住地', '详细地址'],
    width: 30,
    hint: '不超过 200 个字',
  },
  {
    header: '工作单位',
    field: 'employer',
    value: (m) => m.employer,
    synonyms: ['单位', '所在单位', '就业单位'],
    width: 24,
    hint: '不超过 100 个字',
  },
  {
    header: '职业',
    field: 'occupation',
    value: (m) => m.occupation,
    synonyms: ['从事职业', '工种'],
    width: 12,
    hint: '不超过 50 个字',
  },
  {
    header: '外出日期',
    field: 'leftHomeAt',
    value: (m) => m.leftHomeAt,
    synonyms: ['外出时间', '外出年月', '流出时间', '流出日期'],
    width: 12,
    hint: '离开户籍地外出的日期，格式同入党日期',
  },
  {
    header: '所在党组织',
    field: 'orgId',
    value: (m) => m.orgName,
    synonyms: ['党组织', '所在支部', '所在党支部', '党支部', '支部'],
    width: 24,
    hint: '本系统中的党组织名称，如 建筑业流动党支部；重名时写上级，如 驻北京通州区流动党委/建筑业流动党支部；不填则放入导入时选择的党组织',
  },
  {
    header: '标签',
    field: 'tags',
    value: (m) => m.tags.join('、'),
    synonyms: ['党员标签', '身份标签'],
    width: 14,
    hint: '如 联络员、招商员、宣传员，多个用顿号或逗号分隔',
  },
  {
    header: '备注',
    field: 'notes',
    value: (m) => m.notes,
    synonyms: ['说明'],
    width: 20,
    hint: '不超过 1000 个字',
  },
  {
    header: '状态',
    exportOnly: true,
    width: 8,
    value: (m) => MEMBER_STATUS_LABELS[m.status as MemberStatus] ?? m.status,
  },
  {
    header: '组织关系',
    exportOnly: true,
    width: 16,
    value: (m) => RELATIONSHIP_LABELS[m.relationship as RelationshipType] ?? m.relationship,
  },
  { header: '最近联系日期', exportOnly: true, width: 12, value: (m) => m.lastContactAt },
];

export const MEMBER_SHEET = sheetSpec(COLUMNS);
/** The template's columns with their drop-down lists. */
export const MEMBER_COLUMNS = MEMBER_SHEET.columns as readonly MemberColumn[];
export const CANONICAL_HEADERS = MEMBER_SHEET.headers;
export const REQUIRED_HEADERS = MEMBER_SHEET.requiredHeaders;
export const MEMBER_TABLE = MEMBER_SHEET.table;
export const FIELD_COLUMNS = MEMBER_SHEET.fieldColumns;
