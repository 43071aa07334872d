/**
 * The columns of the member spreadsheet (导入模板), in template order: the canonical headers the
 * import reads, the other headers real spreadsheets use for them, and how the template shows them.
 */
import type { TableSpec } from '../../../lib/excel/table-reader';

/** Which drop-down list of the template a column gets. */
export type ColumnList = 'gender' | 'ethnicity' | 'education' | 'memberType' | 'homeCounty' | 'hostDistrict';

export interface MemberColumn {
  /** The canonical header (模板列名). */
  name: string;
  required?: boolean;
  synonyms: readonly string[];
  /** Kept as text in the template (long digit strings). */
  text?: boolean;
  list?: ColumnList;
  width: number;
  /** What to write, for the instructions sheet. */
  hint: string;
}

export const MEMBER_COLUMNS: readonly MemberColumn[] = [
  { name: '姓名', required: true, synonyms: ['党员姓名', '名字'], width: 10, hint: '2–30 个字' },
  {
    name: '性别',
    synonyms: [],
    list: 'gender',
    width: 6,
    hint: '男 或 女；可不填，按身份证号识别，填写时须与身份证号一致',
  },
  { name: '民族', synonyms: [], list: 'ethnicity', width: 10, hint: '如 汉族、满族（也可填“汉”或代码 01）' },
  {
    name: '出生日期',
    synonyms: ['出生年月', '出生时间', '生日'],
    width: 12,
    hint: '可不填，按身份证号识别；填写时须与身份证号一致',
  },
  {
    name: '身份证号',
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
    name: '手机号',
    required: true,
    synonyms: ['联系电话', '手机号码', '手机', '电话', '电话号码', '移动电话', '联系方式'],
    text: true,
    width: 14,
    hint: '11 位中国大陆手机号码',
  },
  {
    name: '学历',
    synonyms: ['文化程度', '最高学历'],
    list: 'education',
    width: 12,
    hint: '如 大学本科、大专、高中',
  },
  {
    name: '入党日期',
    required: true,
    synonyms: ['入党时间', '入党年月'],
    width: 12,
    hint: '如 2002-09-01、2002/9/1、2002.09、2002年9月；入党时须年满 18 周岁',
  },
  {
    name: '转正日期',
    synonyms: ['转正时间', '转正年月'],
    width: 12,
    hint: '正式党员填写，不能早于入党日期；预备党员不填',
  },
  {
    name: '党员类型',
    synonyms: ['党员类别', '党员身份'],
    list: 'memberType',
    width: 10,
    hint: '正式党员 或 预备党员；不填按正式党员',
  },
  {
    name: '户籍县区',
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
    name: '原党组织',
    synonyms: ['原组织关系所在党组织', '原所在党组织', '组织关系所在党组织', '原党支部', '原籍党组织'],
    width: 24,
    hint: '原组织关系所在党组织的名称',
  },
  {
    name: '居住区',
    synonyms: ['现居住区', '流入地', '居住区县', '现居住区县', '所在区'],
    list: 'hostDistrict',
    width: 10,
    hint: '流入地区县，如 通州区 或代码 110112',
  },
  {
    name: '居住地址',
    synonyms: ['现居住地址', '住址', '现住址', '居住地', '现居住地', '详细地址'],
    width: 30,
    hint: '不超过 200 个字',
  },
  { name: '工作单位', synonyms: ['单位', '所在单位', '就业单位'], width: 24, hint: '不超过 100 个字' },
  { name: '职业', synonyms: ['从事职业', '工种'], width: 12, hint: '不超过 50 个字' },
  {
    name: '外出日期',
    synonyms: ['外出时间', '外出年月', '流出时间', '流出日期'],
    width: 12,
    hint: '离开户籍地外出的日期，格式同入党日期',
  },
  {
    name: '所在党组织',
    synonyms: ['党组织', '所在支部', '所在党支部', '党支部', '支部'],
    width: 24,
    hint: '本系统中的党组织名称，如 建筑业流动党支部；重名时写上级，如 驻北京通州区流动党委/建筑业流动党支部；不填则放入导入时选择的党组织',
  },
  {
    name: '标签',
    synonyms: ['党员标签', '身份标签'],
    width: 14,
    hint: '如 联络员、招商员、宣传员，多个用顿号或逗号分隔',
  },
  { name: '备注', synonyms: ['说明'], width: 20, hint: '不超过 1000 个字' },
];

export const CANONICAL_HEADERS = MEMBER_COLUMNS.map((c) => c.name);
export const REQUIRED_HEADERS = MEMBER_COLUMNS.filter((c) => c.required).map((c) => c.name);

/** What the table reader needs: canonical names and their synonyms. */
export const MEMBER_TABLE: TableSpec = {
  columns: Object.fromEntries(MEMBER_COLUMNS.map((c) => [c.name, c.synonyms])),
};

/** The column of each field of the member contract, for errors found by the contract's rules. */
export const FIELD_COLUMNS: Readonly<Record<string, string>> = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  idNumber: '身份证号',
  phone: '手机号',
  education: '学历',
  joinedAt: '入党日期',
  fullMemberAt: '转正日期',
  memberType: '党员类型',
  homeCounty: '户籍县区',
  homeOrg: '原党组织',
  hostDistrict: '居住区',
  hostAddress: '居住地址',
  employer: '工作单位',
  occupation: '职业',
  leftHomeAt: '外出日期',
  orgId: '所在党组织',
  tags: '标签',
  notes: '备注',
};
